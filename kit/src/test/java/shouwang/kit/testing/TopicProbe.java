package shouwang.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes a topic on the test broker the way another service or a partner system would: plain Kafka clients,
 * CloudEvent headers. {@link #await} reads the topic from the beginning until enough matching records are there;
 * {@link #events} does the same for one event type and reads on briefly, so a duplicate would be caught too;
 * {@link #publish} writes a binary-mode CloudEvent. Every record they return that names its schema has been checked
 * against it ({@link EventContract}).
 */
public final class TopicProbe {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Duration SETTLE = Duration.ofMillis(500);

    /** A record as a test reads it: key, CloudEvent id and type, all headers, and the JSON data. */
    public record Received(String key, String type, String id, Map<String, String> headers, JsonNode data) {

        public static Received of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new LinkedHashMap<>();
            record.headers().forEach(h -> headers.put(h.key(),
                    h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
            JsonNode data;
            try {
                data = record.value() == null ? null : JSON.readTree(record.value());
            } catch (Exception e) {
                data = null;
            }
            return new Received(record.key(), headers.get("ce_type"), headers.get("ce_id"), headers, data);
        }

        public String header(String name) {
            return headers.get(name);
        }

        /** The event name without prefix and version. */
        public String name() {
            return type == null ? null : type.replaceFirst("^shouwang\\.", "").replaceFirst("\\.v\\d+$", "");
        }
    }

    private TopicProbe() {
    }

    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        return await(KafkaBrokerResource.bootstrapServers(), topic, match, count, timeout);
    }

    public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (matches.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        EventContract.check(record);
                        matches.add(record);
                    }
                }
            }
        }
        return matches;
    }

    /** Records on the topic that match, read from the beginning to the current end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration settle) {
        return await(topic, match, Integer.MAX_VALUE, settle);
    }

    /**
     * Waits until {@code count} events named {@code eventName} whose data match are on {@code topic}, reads on for
     * half a second more (so a duplicate shows), and returns all that matched.
     */
    public static List<Received> events(String topic, String eventName, Predicate<JsonNode> match, int count,
            Duration timeout) {
        String type = "shouwang." + eventName + ".v1";
        return received(topic, r -> type.equals(r.type()) && r.data() != null && match.test(r.data()), count, timeout);
    }

    /** Like {@link #events}, over any record. */
    public static List<Received> received(String topic, Predicate<Received> match, int count, Duration timeout) {
        List<Received> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                consumerConfig(KafkaBrokerResource.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(partitions(consumer, topic, deadline));
            consumer.seekToBeginning(consumer.assignment());
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < settleUntil) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Received received = Received.of(record);
                    if (match.test(received)) {
                        EventContract.check(record);
                        found.add(received);
                    }
                }
                if (settleUntil == Long.MAX_VALUE && (found.size() >= count || System.nanoTime() > deadline)) {
                    settleUntil = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return found;
    }

    /** Every record now on the topic (none if it does not exist yet). */
    public static List<Received> all(String topic) {
        return received(topic, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(2));
    }

    /** Publishes {@code data} as a binary-mode CloudEvent the way our services do, and returns its {@code ce_id}. */
    public static String publish(String topic, String key, String eventName, Object data) {
        return publish(topic, key, eventName, data, UUID.randomUUID().toString());
    }

    public static String publish(String topic, String key, String eventName, Object data, String ceId) {
        send(record(topic, key, eventName, ceId, data));
        return ceId;
    }

    /** A binary-mode CloudEvent record, to send later or in a batch. */
    public static ProducerRecord<String, String> record(String topic, String key, String eventName, String ceId,
            Object data) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> cloudEvent = cloudEvent(ceId, eventName, "/shouwang/test");
        if (key != null) {
            cloudEvent.put("ce_subject", key);
        }
        cloudEvent.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String value;
        try {
            value = data instanceof String text ? text : JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** Sends records in order and waits until the broker has them all. */
    @SafeVarargs
    public static void send(ProducerRecord<String, String>... records) {
        sendAll(List.of(records));
    }

    public static void sendAll(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce records", e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic,
            long deadline) {
        List<TopicPartition> partitions = List.of();
        // a dead-letter topic only exists once the first poison record was sent
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            partitions = infos == null ? List.of()
                    : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                sleep(100);
            }
        }
        return partitions;
    }

    public static void produce(String topic, String key, String value, Map<String, String> headers) {
        produce(KafkaBrokerResource.bootstrapServers(), topic, key, value, headers);
    }

    public static void produce(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((name, headerValue) -> recordHeaders.add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /** Binary-mode CloudEvent headers for an event as a partner would publish it. */
    public static Map<String, String> cloudEvent(String id, String eventName, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", source);
        headers.put("ce_type", "shouwang." + eventName + ".v1");
        headers.put("ce_time", java.time.OffsetDateTime.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    public static Map<String, String> cloudEvent(String eventName) {
        return cloudEvent(UUID.randomUUID().toString(), eventName, "/test/partner");
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Properties consumerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
