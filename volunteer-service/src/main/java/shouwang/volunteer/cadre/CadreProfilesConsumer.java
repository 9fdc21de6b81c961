package shouwang.volunteer.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/**
 * Every event on cadre-profiles carries the full profile, so all of them are applied alike, a poll's records in one
 * transaction and only each cadre's newest profile of the batch (a registry import publishes thousands at once),
 * handed to {@link CadreDirectory#applyAll} at once so the batch costs a fixed number of statements.
 */
@ApplicationScoped
public class CadreProfilesConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    CadreDirectory directory;

    private final EventHandlers handlers = EventHandlers.of("volunteer-service.cadre-profiles").newestPerKey()
            .onAnyBatch(CadreProfile.class, profiles -> directory.applyAll(profiles));

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(handlers, records);
    }
}
