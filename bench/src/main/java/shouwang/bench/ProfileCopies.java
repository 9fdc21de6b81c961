package shouwang.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills {@code cadre-profiles} up to a number of cadres with copies of the profiles registry-service published, so a
 * read model can be rebuilt from a topic of a city's size without importing it first. A copy is a registry event
 * byte for byte but for a fresh cadre id (the key, {@code ce_subject} and the data's {@code id}), a fresh
 * {@code ce_id}, and no household (its members would be the original's). Keys are partitioned by the producer's
 * default partitioner, as the relay's are.
 */
final class ProfileCopies {

    private static final String TOPIC = "cadre-profiles";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param cadres   distinct cadres on the topic afterwards
     * @param copies   records written
     * @param lastKeys per partition, the key of the last copy written there: once a consumer that keeps per-partition
     *                 order has applied those, it has applied every record before them
     */
    record Filled(long cadres, long copies, double seconds, Map<Integer, String> lastKeys) {
    }

    private ProfileCopies() {
    }

    static Filled fill(String kafka, int cadres) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> originals = newestPerCadre(kafka);
        long copies = Math.max(0, cadres - originals.size());
        if (originals.isEmpty() || copies == 0) {
            return new Filled(originals.size(), 0, 0, Map.of());
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("acks", "all");
        config.put("linger.ms", "10");
        config.put("batch.size", String.valueOf(256 * 1024));
        // send callbacks run on the producer's I/O thread; the lock only publishes the maps to this thread
        Map<Integer, long[]> lastOffsets = new java.util.HashMap<>();
        Map<Integer, String> lastKeys = new java.util.HashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < copies && failure.get() == null; i++) {
                ConsumerRecord<byte[], byte[]> original = originals.get((int) (i % originals.size()));
                String id = UUID.randomUUID().toString();
                ObjectNode data = (ObjectNode) JSON.readTree(original.value());
                data.put("id", id);
                data.remove("householdId");
                data.remove("householdMemberIds");
                RecordHeaders headers = new RecordHeaders();
                for (Header header : original.headers()) {
                    switch (header.key()) {
                        case "ce_id" -> headers.add("ce_id", bytes(UUID.randomUUID().toString()));
                        case "ce_subject" -> headers.add("ce_subject", bytes(id));
                        default -> headers.add(header);
                    }
                }
                producer.send(new ProducerRecord<>(TOPIC, null, bytes(id), JSON.writeValueAsBytes(data), headers),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                                return;
                            }
                            synchronized (lastOffsets) {
                                long[] last = lastOffsets.computeIfAbsent(metadata.partition(), p -> new long[] { -1 });
                                if (metadata.offset() > last[0]) {
                                    last[0] = metadata.offset();
                                    lastKeys.put(metadata.partition(), id);
                                }
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        synchronized (lastOffsets) {
            return new Filled(originals.size() + copies, copies, (System.nanoTime() - start) / 1e9,
                    Map.copyOf(lastKeys));
        }
    }

    /** The topic read from the beginning to its end offsets, the last record of each key kept. */
    private static List<ConsumerRecord<byte[], byte[]>> newestPerCadre(String kafka) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("group.id", "bench-copies-" + UUID.randomUUID());
        config.put("enable.auto.commit", "false");
        Map<String, ConsumerRecord<byte[], byte[]>> newest = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.value() != null) {
                        newest.put(new String(record.key(), StandardCharsets.UTF_8), record);
                    }
                }
            }
        }
        return new ArrayList<>(newest.values());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
