package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.Latency;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

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

        List<Long> outbox = new ArrayList<>();
        try (Latency.ArrivalWatcher watcher = Latency.ArrivalWatcher.start(KafkaBrokerResource.bootstrapServers(),
                List.of("kit-test-notes"), record -> true)) {
            for (int i = 0; i < EVENTS; i++) {
                String key = "bench-" + UUID.randomUUID();
                writeNote(token, key);
                long committed = System.nanoTime();
                outbox.add(watcher.awaitArrival(key, Duration.ofSeconds(30)) - committed);
            }
        }
        List<Long> bare = Latency.bareKafkaRoundTrips(KafkaBrokerResource.bootstrapServers(), "kit-bench-baseline",
                EVENTS);

        System.out.printf("%nOUTBOX LATENCY (%d events, sequential): commit→consumed %s%n", EVENTS,
                Latency.summary(outbox));
        System.out.printf("BARE KAFKA (%d records, same broker): send→consumed %s%n%n", EVENTS, Latency.summary(bare));
    }

    private static void writeNote(String token, String key) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"body\":\"benchmark\"}")
                .post("/api/v1/test-notes").then().statusCode(200);
    }
}
