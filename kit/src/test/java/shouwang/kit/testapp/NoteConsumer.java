package shouwang.kit.testapp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.inbox.EventReceiver;

@ApplicationScoped
public class NoteConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    EntityManager entityManager;

    @Incoming("kit-test-notes")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("kit-test.notes", record, event -> {
            String body = event.data().path("body").asText();
            if (body.startsWith("unapplicable")) {
                throw new IllegalArgumentException("body cannot be applied: " + body);
            }
            entityManager.createNativeQuery("insert into applied_note (note_id, body) values (?1, ?2)")
                    .setParameter(1, UUID.fromString(event.data().path("noteId").asText()))
                    .setParameter(2, body)
                    .executeUpdate();
        });
    }
}
