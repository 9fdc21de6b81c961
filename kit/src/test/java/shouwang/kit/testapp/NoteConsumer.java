package shouwang.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;

@ApplicationScoped
public class NoteConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    EntityManager entityManager;

    private final EventHandlers handlers = EventHandlers.of("kit-test.notes").on(NoteWritten.class, this::apply);

    @Incoming("kit-test-notes")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }

    /** The note's effect; a body starting with "unapplicable" fails as a domain rule would. */
    public void apply(NoteWritten note) {
        if (note.body().startsWith("unapplicable")) {
            throw new IllegalArgumentException("body cannot be applied: " + note.body());
        }
        entityManager.createNativeQuery("insert into applied_note (note_id, body) values (?1, ?2)")
                .setParameter(1, note.noteId())
                .setParameter(2, note.body())
                .executeUpdate();
    }
}
