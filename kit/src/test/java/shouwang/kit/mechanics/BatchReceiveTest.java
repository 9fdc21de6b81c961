package shouwang.kit.mechanics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;
import shouwang.kit.testapp.NoteConsumer;
import shouwang.kit.testapp.NoteWritten;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/**
 * A poll's records applied in one transaction: duplicates once, a poison record to the DLQ alone, the rest of the
 * batch applied, and with newest-per-key only each key's last event. Batches are handed to the receiver as the
 * connector hands them (a list of records), so what each batch holds is exact.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class BatchReceiveTest {

    private static final String TOPIC = "kit-test-batch";
    private static final AtomicLong OFFSET = new AtomicLong();

    @Inject
    EventReceiver receiver;

    @Inject
    EntityManager entityManager;

    @Inject
    NoteConsumer notes;

    private final EventHandlers handlers = EventHandlers.of("kit-test.batch")
            .on(NoteWritten.class, note -> notes.apply(note));
    private final EventHandlers newest = EventHandlers.of("kit-test.batch-newest").newestPerKey()
            .on(NoteWritten.class, note -> notes.apply(note));

    /** The sizes of the lists the batch handler was called with, in call order. */
    private final List<Integer> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EventHandlers batched = EventHandlers.of("kit-test.batch-handler").newestPerKey()
            .onAnyBatch(NoteWritten.class, written -> {
                calls.add(written.size());
                written.forEach(note -> notes.apply(note));
            });

    @Test
    void aBatchHandlerGetsTheBatchsFirstDeliveriesInOneCallAndAFailingRecordAloneIsDeadLettered() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String duplicateId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> batch = List.of(
                note("a", UUID.randomUUID().toString(), a, "a v1"),
                note("b", duplicateId, b, "b"),
                note("b2", duplicateId, b, "b"),
                note("a", UUID.randomUUID().toString(), a, "a v2"));

        receiver.receiveBatch(batched, batch);

        assertThat(calls).as("one call: b once (one ce_id), then a's newest").containsExactly(2);
        assertThat(bodies(a)).containsExactly("a v2");
        assertThat(bodies(b)).containsExactly("b");

        calls.clear();
        UUID after = UUID.randomUUID();
        String failingId = UUID.randomUUID().toString();
        receiver.receiveBatch(batched, List.of(note("c", failingId, UUID.randomUUID(), "unapplicable note"),
                note("d", UUID.randomUUID().toString(), after, "after")));

        assertThat(calls).as("the batch, rolled back, then each record as a batch of one").containsExactly(2, 1, 1);
        assertThat(bodies(after)).containsExactly("after");
        assertThat(deadLetterReason(failingId)).contains("cannot be applied");
    }

    @Test
    void aBatchWithADuplicateAndAPoisonRecordAppliesEveryOtherRecordOnce() {
        UUID first = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String firstId = UUID.randomUUID().toString();
        String notJson = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> batch = List.of(
                note("k1", firstId, first, "first"),
                note("k1", firstId, first, "first"),
                record("k2", notJson, "{not json"),
                note("k3", UUID.randomUUID().toString(), third, "third"));

        receiver.receiveBatch(handlers, batch);

        assertThat(bodies(first)).containsExactly("first");
        assertThat(bodies(third)).containsExactly("third");
        assertThat(deadLetterReason(notJson)).contains("not JSON");
    }

    @Test
    void aRecordWhoseEffectFailsGoesToTheDeadLetterTopicAloneAndTheRestOfItsBatchApplies() {
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String failingId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> batch = List.of(
                note("a", UUID.randomUUID().toString(), before, "before"),
                note("b", failingId, failing, "unapplicable note"),
                note("c", UUID.randomUUID().toString(), after, "after"));

        receiver.receiveBatch(handlers, batch);

        assertThat(bodies(before)).containsExactly("before");
        assertThat(bodies(after)).containsExactly("after");
        assertThat(bodies(failing)).isEmpty();
        assertThat(deadLetterReason(failingId)).contains("cannot be applied");
    }

    @Test
    void theSameBatchDeliveredAgainAppliesNothingTwice() {
        UUID note = UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = List.of(
                note("x", UUID.randomUUID().toString(), note, "one"),
                note("y", UUID.randomUUID().toString(), note, "two"));

        receiver.receiveBatch(handlers, batch);
        receiver.receiveBatch(handlers, batch);

        assertThat(bodies(note)).containsExactly("one", "two");
    }

    @Test
    void withNewestPerKeyOnlyTheLastEventOfEachKeyInABatchIsApplied() {
        UUID cadreA = UUID.randomUUID();
        UUID cadreB = UUID.randomUUID();
        String olderId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> older = note("cadre-a", olderId, cadreA, "profile v1");
        List<ConsumerRecord<String, String>> batch = List.of(
                older,
                note("cadre-b", UUID.randomUUID().toString(), cadreB, "profile v1"),
                note("cadre-a", UUID.randomUUID().toString(), cadreA, "profile v2"));

        receiver.receiveBatch(newest, batch);
        receiver.receiveBatch(newest, List.of(older));

        assertThat(bodies(cadreA)).as("v1 was superseded in its batch and is a duplicate afterwards")
                .containsExactly("profile v2");
        assertThat(bodies(cadreB)).containsExactly("profile v1");
    }

    @Test
    void aBatchChannelAppliesWhatArrivesAndDeadLettersThePoisonRecord() {
        UUID good = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        TopicProbe.produce("kit-test-batch-notes", "p", "{not json",
                TopicProbe.cloudEvent(poisonId, "NoteWritten", "/test"));
        for (int i = 1; i <= 3; i++) {
            TopicProbe.produce("kit-test-batch-notes", "g-" + i, "{\"noteId\":\"" + good + "\",\"body\":\"n" + i
                    + "\"}", TopicProbe.cloudEvent("NoteWritten"));
        }

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bodies(good).size() == 3);
        assertThat(bodies(good)).as("three keys on three partitions: no order between them")
                .containsExactlyInAnyOrder("n1", "n2", "n3");
        List<ConsumerRecord<String, String>> dead = TopicProbe.await("kit-test-batch-notes.dlq",
                r -> poisonId.equals(TopicProbe.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private List<String> bodies(UUID noteId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager
                .createNativeQuery("select body from applied_note where note_id = ?1 order by seq")
                .setParameter(1, noteId).getResultList());
    }

    private static String deadLetterReason(String ceId) {
        List<ConsumerRecord<String, String>> dead = TopicProbe.await(TOPIC + ".dlq",
                r -> ceId.equals(TopicProbe.header(r, "ce_id")), 1, Duration.ofSeconds(30));
        assertThat(dead).as("one dead letter for " + ceId).hasSize(1);
        return TopicProbe.header(dead.get(0), "dead-letter-reason");
    }

    private static ConsumerRecord<String, String> note(String key, String ceId, UUID noteId, String body) {
        return record(key, ceId, "{\"noteId\":\"" + noteId + "\",\"body\":\"" + body + "\"}");
    }

    private static ConsumerRecord<String, String> record(String key, String ceId, String value) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> cloudEvent = TopicProbe.cloudEvent(ceId, "NoteWritten", "/test");
        cloudEvent.forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(TOPIC, 0, OFFSET.incrementAndGet(), System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }
}
