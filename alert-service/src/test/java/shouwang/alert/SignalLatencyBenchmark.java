package shouwang.alert;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.Latency;
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
        Api.report(cadres.get(SIGNALS), "WORRY");

        List<Long> signalLatency = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        long started = System.nanoTime();
        String mustVisit = CloudEvents.typeOf("MustVisitRequired");
        try (Latency.ArrivalWatcher watcher = Latency.ArrivalWatcher.start(KafkaBrokerResource.bootstrapServers(),
                List.of("alerts"), record -> mustVisit.equals(CloudEvents.header(record.headers(), CloudEvents.TYPE)))) {
            for (int i = 0; i < SIGNALS; i++) {
                UUID cadreId = cadres.get(i);
                long posted = System.nanoTime();
                post(cadreId);
                answered.add(System.nanoTime() - posted);
                signalLatency.add(watcher.awaitArrival(cadreId.toString(), Duration.ofSeconds(30)) - posted);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> bare = Latency.bareKafkaRoundTrips(KafkaBrokerResource.bootstrapServers(), BASELINE, SIGNALS);

        System.out.printf("%nSIGNAL LATENCY (%d signals, sequential, %.0f signals/s): POST /signals → MustVisitRequired "
                + "consumed %s%n", SIGNALS, SIGNALS / seconds, Latency.summary(signalLatency));
        System.out.printf("  of which the 202 answer of POST /signals: %s%n", Latency.summary(answered));
        System.out.printf("BARE KAFKA (%d records, same broker, same run): send → consumed %s%n%n", SIGNALS,
                Latency.summary(bare));
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
            profiles.add(Fixtures.profileRecord(cadreId, 1, "SQB" + (i % 20), "SQB" + (i % 20) + "-WG01", "DWB" + (i % 7),
                    "ACTIVE"));
        }
        TopicProbe.sendAll(profiles);
        await().atMost(Duration.ofMinutes(5)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from cadre_profile where community_code like 'SQB%'")
                .getSingleResult()).intValue()) >= count);
        return cadres;
    }
}
