package shouwang.alert;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.KafkaBrokerResource;

/** The real broker, as other services and partners see it: publish CloudEvents, read what alert-service published. */
public final class Bus {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ConsumerTask<String, String>> READERS = new ConcurrentHashMap<>();

    private Bus() {
    }

    public static KafkaCompanion companion() {
        return KafkaBrokerResource.companion();
    }

    /** A binary-mode CloudEvent as our producers write it; returns its ce_id. */
    public static String publish(String topic, String key, String eventName, Object data) {
        return publishWithId(topic, key, eventName, UUID.randomUUID().toString(), data);
    }

    public static String publishWithId(String topic, String key, String eventName, String ceId, Object data) {
        sendRaw(record(topic, key, eventName, ceId, data));
        return ceId;
    }

    public static ProducerRecord<String, String> record(String topic, String key, String eventName, String ceId,
            Object data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPECVERSION, bytes("1.0"));
        headers.add(CloudEvents.ID, bytes(ceId));
        headers.add(CloudEvents.SOURCE, bytes("/test/partner"));
        headers.add(CloudEvents.TYPE, bytes(CloudEvents.typeOf(eventName)));
        headers.add(CloudEvents.TIME, bytes(Instant.now().toString()));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
        return new ProducerRecord<>(topic, null, key, json(data), headers);
    }

    public static void sendRaw(ProducerRecord<String, String> record) {
        sendAll(List.of(record));
    }

    public static void sendAll(List<ProducerRecord<String, String>> records) {
        companion().produce(String.class, String.class).fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
    }

    /** A cadre-profiles event with the full profile (contacts for UNIT, COMMUNITY and GRID). */
    public static void profile(UUID cadreId, long version, String community, String grid, String unit, String status) {
        sendRaw(profileRecord(cadreId, version, community, grid, unit, status));
    }

    public static ProducerRecord<String, String> profileRecord(UUID cadreId, long version, String community,
            String grid, String unit, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", cadreId.toString());
        data.put("version", version);
        data.put("updatedAt", Instant.now().toString());
        data.put("name", "王建国");
        data.put("idNumberMasked", "110101********123X");
        data.put("communityCode", community);
        data.put("gridCode", grid);
        data.put("unitCode", unit);
        data.put("status", status);
        data.put("contacts", List.of(
                contact("UNIT", "李红", "13900000001", unit),
                contact("COMMUNITY", "赵敏", "13900000002", community),
                contact("GRID", "孙强", "13900000003", grid)));
        return record("cadre-profiles", cadreId.toString(), version == 1 ? "CadreRegistered" : "CadreUpdated",
                UUID.randomUUID().toString(), data);
    }

    private static Map<String, Object> contact(String layer, String name, String phone, String org) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("layer", layer);
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("orgCode", org);
        return contact;
    }

    /** A VisitMissed of a must-visit task, as visit-service publishes it on {@code visits}. */
    public static void mustVisitMissed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        ObjectNode data = object();
        data.put("kind", "MUST_VISIT");
        data.put("taskId", UUID.randomUUID().toString());
        data.put("alertId", alertId.toString());
        data.put("cadreId", cadreId.toString());
        data.put("layer", layer);
        data.put("orgCode", org);
        data.put("level", level);
        data.put("deadline", Instant.now().minusSeconds(60).toString());
        data.put("detectedAt", Instant.now().toString());
        data.put("daysOverdue", 0);
        publish("visits", cadreId.toString(), "VisitMissed", data);
    }

    /** Every record on the topic since the broker started. */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        ConsumerTask<String, String> reader = READERS.computeIfAbsent(topic, t -> companion().consumeStrings()
                .withGroupId("test-reader-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(t));
        return new ArrayList<>(reader.getRecords());
    }

    /** Data of the events of this type on the topic that match. */
    public static List<JsonNode> events(String topic, String eventName, Predicate<JsonNode> match) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(topic)) {
            if (Objects.equals(CloudEvents.typeOf(eventName), CloudEvents.header(record.headers(), CloudEvents.TYPE))) {
                JsonNode data = read(record.value());
                if (match.test(data)) {
                    found.add(data);
                }
            }
        }
        return found;
    }

    public static List<JsonNode> alertEvents(String eventName, UUID alertId) {
        return events("alerts", eventName, data -> alertId.toString().equals(data.path("alertId").asText()));
    }

    /** Waits until exactly {@code count} such events are on the topic and returns them. */
    public static List<JsonNode> awaitAlertEvents(String eventName, UUID alertId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alertEvents(eventName, alertId).size() >= count);
        return alertEvents(eventName, alertId);
    }

    public static List<ConsumerRecord<String, String>> awaitDeadLetters(String topic, Predicate<String> valueMatch) {
        await().atMost(Duration.ofSeconds(30)).until(() -> records(topic + ".dlq").stream()
                .anyMatch(r -> valueMatch.test(r.value())));
        return records(topic + ".dlq").stream().filter(r -> valueMatch.test(r.value())).toList();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String json(Object data) {
        if (data instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
