package shouwang.alert.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** org-records → the org_record read model (names and phones of the people the ladder calls). */
@ApplicationScoped
public class OrgRecordsConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    OrgDirectory directory;

    private final EventHandlers handlers = EventHandlers.of("alert-service.org-records")
            .on(OrgRecordChanged.class, change -> directory.apply(change));

    @Incoming("org-records")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }
}
