package shouwang.alert.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventReceiver;

@ApplicationScoped
public class CadreProfilesConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    CadreProfileService service;

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("alert-service.cadre-profiles", record, event -> service.apply(event.data()));
    }
}
