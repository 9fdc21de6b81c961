package shouwang.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

/** The note consumer on a channel with {@code batch=true}: a poll's records in one transaction. */
@ApplicationScoped
public class BatchNoteConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    NoteConsumer notes;

    private final EventHandlers handlers = EventHandlers.of("kit-test.batch-notes").newestPerKey()
            .on(NoteWritten.class, note -> notes.apply(note));

    @Incoming("kit-test-batch-notes")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(handlers, records);
    }
}
