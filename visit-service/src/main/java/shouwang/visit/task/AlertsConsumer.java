package shouwang.visit.task;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** alerts → must-visit tasks: MustVisitRequired makes them, AlertResolved cancels the open ones; others are skipped. */
@ApplicationScoped
public class AlertsConsumer {

    /**
     * The event types the contract lists for {@value #TOPIC}: any other is poison (dead-lettered with its type), not
     * silently skipped (nor, on cadre-profiles, applied as a profile).
     */
    static final java.util.Set<String> TOPIC_EVENTS = java.util.Set.of("AlertRaised", "MustVisitRequired",
            "AlertEscalated", "AlertResolved");

    private static final String TOPIC = "alerts";

    @Inject
    EventReceiver receiver;

    @Inject
    TaskService tasks;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.of("visit-service.alerts").knownEvents(TOPIC, TOPIC_EVENTS)
                .on(MustVisitRequired.class, tasks::create)
                .on(AlertResolved.class, tasks::cancelOpenTasksOf);
    }

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
