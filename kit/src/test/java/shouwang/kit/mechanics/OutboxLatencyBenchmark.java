package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;

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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * Prints commit→Kafka latency of the outbox relay next to bare Kafka produce→consume latency on the same broker.
 * A benchmark, not a test: {@code mvn -pl kit verify -Dbenchmark=true -Dtest=OutboxLatencyBenchmark}.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxLatencyBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 500);

    @Test
    void commitToKafkaLatency() throws Exception {
        String token = TestTokens.districtAdmin();
        writeNote(token, "warm-up-" + UUID.randomUUID());
        TopicProbe.produce("kit-bench-baseline", "warm-up", "{}", Map.of());

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = watch(List.of("kit-test-notes", "kit-bench-baseline"), arrivals, running);

        List<Long> outbox = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String key = "bench-" + UUID.randomUUID();
            writeNote(token, key);
            long committed = System.nanoTime();
            outbox.add(awaitArrival(arrivals, key) - committed);
        }

        List<Long> bare = new ArrayList<>();
        Properties config = new Properties();
        config.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        config.put("acks", "all");
        config.put("linger.ms", "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String key = "bare-" + UUID.randomUUID();
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>("kit-bench-baseline", key, "{}")).get(10, TimeUnit.SECONDS);
                bare.add(awaitArrival(arrivals, key) - sent);
            }
        }
        running.set(false);
        watcher.join();

        System.out.printf("%nOUTBOX LATENCY (%d events, sequential): commit→consumed p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                EVENTS, percentile(outbox, 50), percentile(outbox, 99), percentile(outbox, 100));
        System.out.printf("BARE KAFKA (%d records, same broker): send→consumed p50 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                EVENTS, percentile(bare, 50), percentile(bare, 99), percentile(bare, 100));
    }

    private static void writeNote(String token, String key) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"body\":\"benchmark\"}")
                .post("/api/v1/test-notes").then().statusCode(200);
    }

    private static Thread watch(List<String> topics, Map<String, Long> arrivals, AtomicBoolean running) {
        Properties config = new Properties();
        config.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
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
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        arrivals.put(record.key(), System.nanoTime());
                    }
                }
            }
        }, "benchmark-watcher");
        thread.start();
        return thread;
    }

    private static long awaitArrival(Map<String, Long> arrivals, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Long arrived = arrivals.get(key);
            if (arrived != null) {
                return arrived;
            }
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException("record " + key + " never arrived");
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
