package shouwang.visit.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventReceiver;

/** volunteering → NEIGHBOUR-layer contacts. Other volunteering events are not visit-service's business. */
@ApplicationScoped
public class VolunteeringConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    ReadModelService service;

    @Incoming("volunteering")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("visit-service.volunteering", record, event -> {
            if (event.is("PairingCreated")) {
                service.pairingCreated(event.data());
            } else if (event.is("PairingEnded")) {
                service.pairingEnded(event.data());
            }
        });
    }
}
