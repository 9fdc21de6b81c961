package shouwang.visit.readmodel;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/**
 * cadre-profiles → the read model. Every event type carries the full profile, so all are applied alike: a poll's
 * records in one transaction, only each cadre's newest profile of the batch, all handed to the service at once so it
 * reads and writes them with one statement each (a registry import publishes thousands per second).
 */
@ApplicationScoped
public class CadreProfilesConsumer {

    /**
     * The event types the contract lists for {@value #TOPIC}: any other is poison (dead-lettered with its type), not
     * silently skipped (nor, on cadre-profiles, applied as a profile).
     */
    static final java.util.Set<String> TOPIC_EVENTS = java.util.Set.of("CadreRegistered", "CadreUpdated",
            "ContactsAssigned", "CadreDeceased",
            "CadreMovedAway");

    private static final String TOPIC = "cadre-profiles";

    @Inject
    EventReceiver receiver;

    @Inject
    ReadModelService service;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("visit-service.cadre-profiles").knownEvents(TOPIC, TOPIC_EVENTS)
                .newestPerKey().onAnyBatch(CadreProfile.class, service::applyProfiles);
    }

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(handlers, records);
    }
}
