package shouwang.visit.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventReceiver;

/** cadre-profiles → the read model. Every event type carries the full profile, so all are applied alike. */
@ApplicationScoped
public class CadreProfilesConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    ReadModelService service;

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("visit-service.cadre-profiles", record, event -> service.applyProfile(event.data()));
    }
}
