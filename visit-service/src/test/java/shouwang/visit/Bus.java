package shouwang.visit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import shouwang.kit.testing.KafkaBrokerResource;

/** Test access to the real broker: publish CloudEvents as other services do, read what visit-service published. */
public final class Bus {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Bus() {
    }

    /** Publishes a binary-mode CloudEvent and returns its ce_id. */
    public static String publish(String topic, String key, String eventName, Object data) {
        return publish(topic, key, eventName, data, UUID.randomUUID().toString());
    }

    public static String publish(String topic, String key, String eventName, Object data, String ceId) {
        try {
            return publishRaw(topic, key, headers(ceId, eventName, key), JSON.writeValueAsString(data), ceId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publishRaw(String topic, String key, RecordHeaders headers, String value, String ceId) {
        KafkaBrokerResource.companion().produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(10));
        return ceId;
    }

    public static RecordHeaders headers(String ceId, String eventName, String key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_source", bytes("/shouwang/test"));
        headers.add("ce_type", bytes("shouwang." + eventName + ".v1"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        if (key != null) {
            headers.add("ce_subject", bytes(key));
        }
        return headers;
    }

    /** Waits until {@code count} records of {@code topic} with the given event name match, and returns them. */
    public static List<Received> await(String topic, String eventName, Predicate<JsonNode> match, int count,
            Duration timeout) {
        String type = "shouwang." + eventName + ".v1";
        return awaitRecords(topic, r -> type.equals(r.type()) && r.data() != null && match.test(r.data()), count,
                timeout);
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match or the timeout passes, then reads on
     * briefly so that a duplicate would be caught too.
     */
    public static List<Received> awaitRecords(String topic, Predicate<Received> match, int count, Duration timeout) {
        List<Received> found = new ArrayList<>();
        Instant until = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(until)) {
                // a dead-letter topic only exists once the first poison record was sent
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    pause();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant settle = null;
            while (settle == null || Instant.now().isBefore(settle)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Received received = Received.of(record);
                    if (match.test(received)) {
                        found.add(received);
                    }
                }
                if (settle == null && (found.size() >= count || Instant.now().isAfter(until))) {
                    settle = Instant.now().plusMillis(500);
                }
            }
        }
        return found;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public record Received(String key, String type, String id, Map<String, String> headers, JsonNode data) {
        static Received of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new java.util.HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                    : new String(h.value(), StandardCharsets.UTF_8)));
            JsonNode data;
            try {
                data = record.value() == null ? null : JSON.readTree(record.value());
            } catch (Exception e) {
                data = null;
            }
            return new Received(record.key(), headers.get("ce_type"), headers.get("ce_id"), headers, data);
        }
    }
}
