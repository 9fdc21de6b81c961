package shouwang.volunteer.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** Every event on cadre-profiles carries the full profile, so all of them are applied alike. */
@ApplicationScoped
public class CadreProfilesConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    CadreDirectory directory;

    private final EventHandlers handlers = EventHandlers.of("volunteer-service.cadre-profiles")
            .onAny(CadreProfile.class, profile -> directory.apply(profile));

    @Incoming("cadre-profiles")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
