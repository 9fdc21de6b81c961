package shouwang.visit.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventReceiver;

/** alerts → must-visit tasks: MustVisitRequired makes them, AlertResolved cancels the open ones; others are skipped. */
@ApplicationScoped
public class AlertsConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    TaskService tasks;

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("visit-service.alerts", record, event -> {
            if (event.is("MustVisitRequired")) {
                tasks.createFromMustVisitRequired(event.data());
            } else if (event.is("AlertResolved")) {
                tasks.cancelOpenTasksOfResolvedAlert(event.data());
            }
        });
    }
}
