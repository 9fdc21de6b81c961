package shouwang.visit.study;

import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** party-branches → branch names and 送学上门 tasks for each study session's absentees. */
@ApplicationScoped
public class PartyBranchesConsumer {

    /** The event types the contract lists for {@value #TOPIC}: any other is poison (dead-lettered with its type). */
    static final Set<String> TOPIC_EVENTS = Set.of("PartyBranchChanged", "StudySessionHeld");

    private static final String TOPIC = "party-branches";

    @Inject
    EventReceiver receiver;

    @Inject
    StudyService study;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("visit-service.party-branches").knownEvents(TOPIC, TOPIC_EVENTS)
                .on(PartyBranchChanged.class, study::branchChanged)
                .on(StudySessionHeld.class, study::sessionHeld);
    }

    @Incoming("party-branches")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
