package shouwang.volunteer.org;

import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** org-records → the org read model (which communities a street and a district hold), once per ce_id. */
@ApplicationScoped
public class OrgRecordsConsumer {

    static final Set<String> TOPIC_EVENTS = Set.of("OrgRecordChanged");

    private static final String TOPIC = "org-records";

    @Inject
    EventReceiver receiver;

    @Inject
    OrgService orgs;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("volunteer-service.org-records").knownEvents(TOPIC, TOPIC_EVENTS)
                .on(OrgRecordChanged.class, orgs::apply);
    }

    @Incoming("org-records")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
