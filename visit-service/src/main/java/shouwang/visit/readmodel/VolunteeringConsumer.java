package shouwang.visit.readmodel;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/**
 * volunteering → NEIGHBOUR-layer contacts, and activity absences → the grid's visit task. Other volunteering events
 * (posts, hours, service requests, activities and their attendance) are not visit-service's business.
 */
@ApplicationScoped
public class VolunteeringConsumer {

    /**
     * The event types the contract lists for {@value #TOPIC}: any other is poison (dead-lettered with its type), not
     * silently skipped (nor, on cadre-profiles, applied as a profile).
     */
    static final java.util.Set<String> TOPIC_EVENTS = java.util.Set.of("PostPublished", "PostClaimed",
            "ServiceHoursLogged", "PairingCreated",
            "PairingEnded", "ActivityAbsenceFlagged", "ServiceRequested", "ServiceRequestDispatched",
            "ServiceRequestAccepted", "ServiceRequestDeclined", "ServiceRequestCompleted", "ServiceRequestCancelled",
            "ServiceRequestRated", "ActivityPublished", "ActivityEnrolled", "AttendanceRecorded");

    private static final String TOPIC = "volunteering";

    @Inject
    EventReceiver receiver;

    @Inject
    ReadModelService service;

    @Inject
    jakarta.enterprise.event.Event<ActivityAbsenceFlagged> absences;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("visit-service.volunteering").knownEvents(TOPIC, TOPIC_EVENTS)
                .on(PairingCreated.class, service::pairingCreated)
                .on(PairingEnded.class, service::pairingEnded)
                // the task capability observes it (tasks depend on the read model, not the other way round)
                .on(ActivityAbsenceFlagged.class, absences::fire);
    }

    @Incoming("volunteering")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
