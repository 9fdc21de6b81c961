package shouwang.alert.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/**
 * cadre-profiles → the read model. Every event type carries the full profile, so all are applied alike: a poll's
 * records in one transaction, only each cadre's newest profile of the batch (a registry import publishes thousands),
 * handed to {@link CadreProfileService#applyAll} at once so the batch costs a fixed number of statements.
 */
@ApplicationScoped
public class CadreProfilesConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    CadreProfileService service;

    private final EventHandlers handlers = EventHandlers.of("alert-service.cadre-profiles").newestPerKey()
            .onAnyBatch(ProfileData.class, profiles -> service.applyAll(profiles));

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(handlers, records);
    }
}
