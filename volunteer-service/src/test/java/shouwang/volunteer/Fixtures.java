package shouwang.volunteer;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.volunteer.cadre.CadreRef;

/** Test data through the real paths: cadre profiles over Kafka, events read back from Kafka. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A cadre profile as registry publishes it (only the fields volunteering reads, plus a few). */
    public static Map<String, Object> profile(UUID id, long version, String community, String status,
            String selfCare, List<String> specialCategories) {
        return Map.ofEntries(Map.entry("id", id.toString()), Map.entry("version", version),
                Map.entry("updatedAt", "2026-11-22T08:00:00Z"), Map.entry("name", "测试老干部"),
                Map.entry("phone", "13800000000"), Map.entry("communityCode", community),
                Map.entry("gridCode", community + "-WG01"), Map.entry("unitCode", "DW001"),
                Map.entry("status", status), Map.entry("selfCare", selfCare),
                Map.entry("specialCategories", specialCategories), Map.entry("contacts", List.of()));
    }

    /** Returns the ce_id of the record sent. */
    public static String sendProfile(Map<String, Object> profile) {
        try {
            return send("cadre-profiles", (String) profile.get("id"), "CadreUpdated", JSON.writeValueAsString(profile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String send(String topic, String key, String eventName, String value) {
        String id = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_source", bytes("/shouwang/registry-service"));
        headers.add("ce_type", bytes("shouwang." + eventName + ".v1"));
        headers.add("ce_time", bytes("2026-11-22T08:00:00Z"));
        headers.add("content-type", bytes("application/json"));
        KafkaBrokerResource.companion().produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(10));
        return id;
    }

    /** Waits until volunteer-service's cadre-profiles consumer has taken the record with this ce_id. */
    public static void awaitConsumed(String ceId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ((Number) CadreRef.getEntityManager().createNativeQuery(
                        "select count(*) from inbox_message where ce_id = ?1").setParameter(1, ceId)
                        .getSingleResult()).longValue() == 1));
    }

    /** Registers a cadre in volunteering's read model the way registry does, and waits until it is applied. */
    public static UUID activeCadre(String community, String... specialCategories) {
        return cadre(community, "ACTIVE", "FULL", specialCategories);
    }

    public static UUID cadre(String community, String status, String selfCare, String... specialCategories) {
        UUID id = UUID.randomUUID();
        sendProfile(profile(id, 1, community, status, selfCare, List.of(specialCategories)));
        awaitCadre(id, 1);
        return id;
    }

    public static void awaitCadre(UUID id, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            CadreRef cadre = QuarkusTransaction.requiringNew().call(() -> CadreRef.<CadreRef>findById(id));
            return cadre != null && cadre.version >= version;
        });
    }

    public static CadreRef cadreRef(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> CadreRef.<CadreRef>findById(id));
    }

    /** The first record on {@code topic} (read from the beginning) that matches, within 20 s. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (ConsumerTask<String, String> task = KafkaBrokerResource.companion().consumeStrings()
                .withGroupId("test-" + UUID.randomUUID()).withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic)) {
            return await().atMost(Duration.ofSeconds(20)).until(
                    () -> task.getRecords().stream().filter(match).findFirst().orElse(null), Objects::nonNull);
        }
    }

    /** The first event of that type on {@code volunteering} whose data has {@code field} = {@code value}. */
    public static JsonNode awaitEvent(String eventName, String field, Object value) {
        return data(awaitEventRecord(eventName, field, value));
    }

    public static ConsumerRecord<String, String> awaitEventRecord(String eventName, String field, Object value) {
        return awaitRecord(Volunteering.TOPIC, r -> ("shouwang." + eventName + ".v1").equals(header(r, "ce_type"))
                && String.valueOf(value).equals(data(r).path(field).asText()));
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
