package shouwang.volunteer.request;

import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/**
 * alerts → service requests: an AlertRaised of kind HELP_REQUEST that is not about one of our requests opens one
 * (its id derived from the alert's, so a replay opens nothing more). The topic's other events are skipped; an event
 * type the contract does not list is poison (dead-lettered on alerts.dlq with its type).
 */
@ApplicationScoped
public class AlertsConsumer {

    static final String TOPIC = "alerts";
    static final Set<String> TOPIC_EVENTS = Set.of("AlertRaised", "MustVisitRequired", "AlertEscalated",
            "AlertResolved");

    @Inject
    EventReceiver receiver;

    @Inject
    RequestService requests;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("volunteer-service.alerts").knownEvents(TOPIC, TOPIC_EVENTS)
                .on(AlertRaised.class, requests::openFromAlert);
    }

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
