package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/** The kit's promises on a real broker and database: outbox delivery, ordering, inbox dedupe, dead letters. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class OutboxAndInboxTest {

    private static final String TOPIC = "kit-test-notes";

    @Inject
    EntityManager entityManager;

    @Test
    void aCommittedChangeReachesKafkaAsABinaryCloudEvent() {
        String key = "cadre-" + UUID.randomUUID();
        String noteId = writeNote(key, "入院探视");

        List<ConsumerRecord<String, String>> records = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("shouwang.NoteWritten.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/shouwang/kit-test");
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(key);
        assertThat(TopicProbe.header(record, "ce_dataschema")).as("the data's schema, named after the event")
                .isEqualTo("http://localhost:8080/asyncapi/schemas/note-written.json");
        assertThat(record.value()).contains(noteId).contains("入院探视");
        String ceId = TopicProbe.header(record, "ce_id");
        Object outboxId = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select cast(id as varchar) from outbox_event where event_key = ?1")
                .setParameter(1, key).getSingleResult());
        assertThat(ceId).isEqualTo(outboxId);
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrder() {
        String key = "cadre-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            writeNote(key, "change " + i);
        }

        List<ConsumerRecord<String, String>> records = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 30,
                Duration.ofSeconds(30));

        assertThat(records).extracting(r -> r.value().replaceAll(".*\"body\":\"(change \\d+)\".*", "$1"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "change " + i).toList());
    }

    @Test
    void aBatchOfEventsIsPublishedInListOrderWithItsIdsAsCeIds() {
        String key = "batch-" + UUID.randomUUID();
        List<String> ids = given().auth().oauth2(TestTokens.districtAdmin())
                .post("/api/v1/test-notes/batch?key=" + key + "&count=25").then().statusCode(200)
                .extract().jsonPath().getList("ids");

        List<ConsumerRecord<String, String>> records = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 25,
                Duration.ofSeconds(30));

        assertThat(records).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactlyElementsOf(ids);
        assertThat(records).extracting(r -> r.value().replaceAll(".*\"body\":\"(batch \\d+)\".*", "$1"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "batch " + i).toList());
    }

    @Test
    void aBatchKeepsEveryCharacterOfItsEvents() throws Exception {
        String key = "batch-\u95e8-" + UUID.randomUUID();
        // what COPY's text format must escape (backslash, tab, newline, carriage return), inside JSON's own escapes
        String suffix = " \\ \t \n \r \\N \"引号\" 王小明 \uD83D\uDE00";
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("key", key).queryParam("count", 2)
                .queryParam("suffix", suffix).post("/api/v1/test-notes/batch").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(records).hasSize(2);
        assertThat(json.readTree(records.get(0).value()).get("body").asText()).isEqualTo("batch 0" + suffix);
        assertThat(json.readTree(records.get(1).value()).get("body").asText()).isEqualTo("batch 1" + suffix);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String key = "cadre-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"body\":\"rollback\"}")
                .post("/api/v1/test-notes").then().statusCode(409);
        writeNote(key, "after the rollback");

        List<ConsumerRecord<String, String>> records = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(5));

        assertThat(records).extracting(ConsumerRecord::value).noneMatch(v -> v.contains("\"rollback\""));
        assertThat(records).extracting(ConsumerRecord::value).anyMatch(v -> v.contains("after the rollback"));
        assertThat(countNotes(key)).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String noteId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String value = "{\"noteId\":\"" + noteId + "\",\"body\":\"twice\"}";
        TopicProbe.produce(TOPIC, "k-" + noteId, value, TopicProbe.cloudEvent(ceId, "NoteWritten", "/test"));
        TopicProbe.produce(TOPIC, "k-" + noteId, value, TopicProbe.cloudEvent(ceId, "NoteWritten", "/test"));
        String marker = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, "k-" + noteId, "{\"noteId\":\"" + marker + "\",\"body\":\"marker\"}",
                TopicProbe.cloudEvent("NoteWritten"));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker) == 1);
        assertThat(applied(noteId)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.produce(TOPIC, key, "{not json", TopicProbe.cloudEvent("NoteWritten"));
        String unapplicable = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + unapplicable + "\",\"body\":\"unapplicable\"}",
                TopicProbe.cloudEvent("NoteWritten"));
        String good = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + good + "\",\"body\":\"good\"}",
                TopicProbe.cloudEvent("NoteWritten"));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(good) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.await(TOPIC + ".dlq", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
        assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("not JSON");
        assertThat(TopicProbe.header(dead.get(1), "dead-letter-reason")).contains("cannot be applied");
        assertThat(TopicProbe.header(dead.get(0), "ce_id")).isNotBlank();
        assertThat(applied(unapplicable)).isZero();
    }

    @Test
    void dataThatDoesNotFitTheHandlersRecordIsDeadLetteredAndAnUnhandledTypeIsSkipped() {
        String key = "typed-" + UUID.randomUUID();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + UUID.randomUUID() + "\"}", TopicProbe.cloudEvent("NoteWritten"));
        // a phone where an id belongs: the reason names the field, never the value (it goes to logs and headers)
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"13812345678\",\"body\":\"x\"}",
                TopicProbe.cloudEvent("NoteWritten"));
        String ignored = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + ignored + "\",\"body\":\"other type\"}",
                TopicProbe.cloudEvent("NoteArchived"));
        String good = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + good + "\",\"body\":\"good\",\"extra\":1}",
                TopicProbe.cloudEvent("NoteWritten"));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(good) == 1);
        // the DLQ is at least once (docs/events.md): a rebalance before the offset commit sends a record again, so
        // the two poison records are told apart by their ce_id, as a DLQ reader does
        java.util.Map<String, ConsumerRecord<String, String>> byId = new java.util.LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TopicProbe.readAll(TOPIC + ".dlq", r -> key.equals(r.key()), Duration.ofSeconds(1))
                    .forEach(r -> byId.putIfAbsent(TopicProbe.header(r, "ce_id"), r));
            return byId.size() >= 2;
        });
        List<ConsumerRecord<String, String>> dead = List.copyOf(byId.values());
        assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason"))
                .satisfiesExactly(missing -> assertThat(missing).contains("body"),
                        malformed -> assertThat(malformed).contains("NoteWritten").contains("field noteId")
                                .doesNotContain("13812345678"));
        assertThat(applied(ignored)).isZero();
    }

    @Test
    void aRecordWithoutCloudEventIdIsDeadLettered() {
        String key = "no-id-" + UUID.randomUUID();
        TopicProbe.produce(TOPIC, key, "{\"noteId\":\"" + UUID.randomUUID() + "\",\"body\":\"x\"}", java.util.Map.of());

        List<ConsumerRecord<String, String>> dead = TopicProbe.await(TOPIC + ".dlq", r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("ce_id");
    }

    private String writeNote(String key, String body) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"body\":\"" + body + "\"}")
                .post("/api/v1/test-notes").then().statusCode(200).extract().path("id");
    }

    private long countNotes(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from note where note_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue());
    }

    private long applied(String noteId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from applied_note where note_id = ?1")
                .setParameter(1, UUID.fromString(noteId)).getSingleResult()).longValue());
    }
}
