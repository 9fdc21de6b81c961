package shouwang.kit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Measuring helpers for benchmarks: arrival times of records by key, bare Kafka round trips, percentiles. */
public final class Latency {

    private Latency() {
    }

    /** p-th percentile (nearest rank) of nanosecond samples, in milliseconds. */
    public static double percentileMillis(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    /** {@code p50 4.0 ms, p99 75.2 ms, max 347.0 ms}. */
    public static String summary(List<Long> nanos) {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMillis(nanos, 50),
                percentileMillis(nanos, 99), percentileMillis(nanos, 100));
    }

    /**
     * Sequential produce→consume round trips on the broker ({@code acks=all}), the floor any event chain pays.
     * Returns one sample per record, in nanoseconds.
     */
    public static List<Long> bareKafkaRoundTrips(String bootstrapServers, String topic, int records) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("acks", "all");
        config.put("linger.ms", "1");
        List<Long> samples = new ArrayList<>(records);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "{}")).get(10, TimeUnit.SECONDS);
            try (ArrivalWatcher watcher = ArrivalWatcher.start(bootstrapServers, List.of(topic), record -> true)) {
                for (int i = 0; i < records; i++) {
                    String key = UUID.randomUUID().toString();
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, key, "{}")).get(10, TimeUnit.SECONDS);
                    samples.add(watcher.awaitArrival(key, Duration.ofSeconds(30)) - sent);
                }
            }
        }
        return samples;
    }

    /** Notes when each record key first appears on the topics, reading from their current end. */
    public static final class ArrivalWatcher implements AutoCloseable {

        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private ArrivalWatcher(KafkaConsumer<String, String> consumer, Predicate<ConsumerRecord<String, String>> counts) {
            thread = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                            if (counts.test(record)) {
                                arrivals.putIfAbsent(record.key(), System.nanoTime());
                            }
                        }
                    }
                }
            }, "benchmark-arrival-watcher");
            thread.start();
        }

        public static ArrivalWatcher start(String bootstrapServers, List<String> topics,
                Predicate<ConsumerRecord<String, String>> counts) {
            Properties config = new Properties();
            config.put("bootstrap.servers", bootstrapServers);
            config.put("enable.auto.commit", "false");
            config.put("fetch.max.wait.ms", "5");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new ArrivalWatcher(consumer, counts);
        }

        /** The {@link System#nanoTime()} at which the key arrived; waits for it up to the timeout. */
        public long awaitArrival(String key, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Long arrived = arrivals.get(key);
                if (arrived != null) {
                    return arrived;
                }
                Thread.sleep(0, 200_000);
            }
            throw new IllegalStateException("no record with key " + key + " within " + timeout);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
