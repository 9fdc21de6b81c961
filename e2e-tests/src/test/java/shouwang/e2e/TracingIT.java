package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * One trace from a partner's POST /signals through alert-service to visit-service's task creation: the trace id the
 * caller sent rides every record of the chain ({@code traceparent}), and both services export spans of that trace to
 * the collector, so an operator finds the whole chain under one trace id.
 */
class TracingIT {

    private final Platform platform = Platform.get();

    @Test
    void aSignalItsAlertAndItsTasksAreOneTrace() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "林国栋");
        String traceId = hex(16);
        String token = TestTokens.user("grid-worker").grids(orgs[2]).token();
        Map<String, Object> body = Map.of("signalId", UUID.randomUUID().toString(), "cadreId", cadreId, "kind",
                "HARDSHIP", "occurredAt", OffsetDateTime.now().toString(), "details", "链路追踪");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                        .post(platform.api(Service.ALERT) + "/signals").statusCode() == 202);

        ConsumerRecord<String, String> raised = TopicProbe.await("alerts", r -> cadreId.equals(r.key())
                && "shouwang.AlertRaised.v1".equals(TopicProbe.header(r, "ce_type")), 1, Duration.ofSeconds(60))
                .get(0);
        assertThat(TopicProbe.header(raised, "traceparent")).as("AlertRaised's trace").contains(traceId);
        ConsumerRecord<String, String> task = TopicProbe.await("visits", r -> cadreId.equals(r.key())
                && "shouwang.MustVisitTaskCreated.v1".equals(TopicProbe.header(r, "ce_type")), 1,
                Duration.ofSeconds(60)).get(0);
        assertThat(TopicProbe.header(task, "traceparent")).as("the task visit-service made, in the same trace")
                .contains(traceId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(platform.traces().hasSpansOf("alert-service", traceId)).as("alert-service's spans").isTrue();
            assertThat(platform.traces().hasSpansOf("visit-service", traceId)).as("visit-service's spans").isTrue();
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
