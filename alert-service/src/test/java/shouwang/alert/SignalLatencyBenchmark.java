package shouwang.alert;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * Prints the latency from {@code POST /signals} to the {@code MustVisitRequired} event being consumable on
 * {@code alerts} (alert-service's share of signal → tasks readable), next to bare Kafka produce→consume latency on
 * the same broker in the same run. A benchmark, not a test:
 * {@code mvn -B -o -pl alert-service verify -Dbenchmark=true -Dtest=SignalLatencyBenchmark [-Dbenchmark.signals=1000]}.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SignalLatencyBenchmark {

    private static final int SIGNALS = Integer.getInteger("benchmark.signals", 1000);
    private static final String BASELINE = "alert-bench-baseline";

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/v1/signals")
    URI signals;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestTokens.districtAdmin();

    @Test
    void signalToMustVisitRequiredLatency() throws Exception {
        List<UUID> cadres = registerCadres(SIGNALS + 1);
        TopicProbe.produce(BASELINE, "warm-up", "{}", Map.of());
        Api.report(cadres.get(SIGNALS), "WORRY");

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = watch(List.of("alerts", BASELINE), arrivals, running);

        List<Long> signalLatency = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < SIGNALS; i++) {
            UUID cadreId = cadres.get(i);
            long posted = System.nanoTime();
            post(cadreId);
            answered.add(System.nanoTime() - posted);
            signalLatency.add(awaitArrival(arrivals, cadreId.toString()) - posted);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> bare = new ArrayList<>();
        Properties config = new Properties();
        config.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        config.put("acks", "all");
        config.put("linger.ms", "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < SIGNALS; i++) {
                String key = "bare-" + UUID.randomUUID();
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(BASELINE, key, "{}")).get(10, TimeUnit.SECONDS);
                bare.add(awaitArrival(arrivals, key) - sent);
            }
        }
        running.set(false);
        watcher.join();

        System.out.printf("%nSIGNAL LATENCY (%d signals, sequential, %.0f signals/s): POST /signals → MustVisitRequired "
                + "consumed p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", SIGNALS, SIGNALS / seconds,
                percentile(signalLatency, 50), percentile(signalLatency, 99), percentile(signalLatency, 100));
        System.out.printf("  of which the 202 answer of POST /signals: p50 %.1f ms, p99 %.1f ms%n",
                percentile(answered, 50), percentile(answered, 99));
        System.out.printf("BARE KAFKA (%d records, same broker, same run): send → consumed p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms%n%n", SIGNALS, percentile(bare, 50), percentile(bare, 99), percentile(bare, 100));
    }

    /** A plain HTTP client, so the figures are not RestAssured's overhead. */
    private void post(UUID cadreId) throws Exception {
        String body = "{\"cadreId\":\"" + cadreId + "\",\"kind\":\"HOSPITALISATION\",\"details\":\"benchmark\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(signals)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /signals answered " + response.statusCode() + ": " + response.body());
        }
    }

    private List<UUID> registerCadres(int count) {
        List<UUID> cadres = new ArrayList<>();
        List<ProducerRecord<String, String>> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID cadreId = UUID.randomUUID();
            cadres.add(cadreId);
            profiles.add(Bus.profileRecord(cadreId, 1, "SQB" + (i % 20), "SQB" + (i % 20) + "-WG01", "DWB" + (i % 7),
                    "ACTIVE"));
        }
        Bus.sendAll(profiles);
        await().atMost(Duration.ofMinutes(5)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from cadre_profile where community_code like 'SQB%'")
                .getSingleResult()).intValue()) >= count);
        return cadres;
    }

    /** Arrival time per key: MustVisitRequired on alerts (key = cadre id), anything on the baseline topic. */
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
        String mustVisit = CloudEvents.typeOf("MustVisitRequired");
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        Header type = record.headers().lastHeader(CloudEvents.TYPE);
                        if (BASELINE.equals(record.topic()) || (type != null
                                && mustVisit.equals(new String(type.value(), StandardCharsets.UTF_8)))) {
                            arrivals.put(record.key(), System.nanoTime());
                        }
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
        throw new IllegalStateException("no event for " + key);
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
