package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * One trace across the asynchronous hop: a REST call's span is written on the outbox row, the relay sends it as the
 * record's {@code traceparent}, and the consumer applies the record in a child span of it.
 */
@QuarkusTest
@TestProfile(TracingTest.Traced.class)
class TracingTest {

    public static class Traced extends PlatformTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // spans to the in-memory exporter only (no collector listens here)
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms",
                    "quarkus.otel.exporter.otlp.enabled", "false");
        }
    }

    private static final String TOPIC = "kit-test-notes";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRestCallItsEventAndTheConsumersEffectShareOneTrace() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String key = "traced-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("key", key, "body", "traced")).post("/api/v1/test-notes").then().statusCode(200);

        ConsumerRecord<String, String> record = TopicProbe.await(TOPIC, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        String traceparent = TopicProbe.header(record, "traceparent");
        assertThat(traceparent).as("the record's trace context").startsWith("00-" + traceId + "-").endsWith("-01")
                .doesNotContain(callerSpan);
        assertThat(TopicProbe.header(record, "ce_traceparent")).isEqualTo(traceparent);
        String producingSpan = traceparent.split("-")[2];

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(trace).anySatisfy(server -> {
                assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(server.getSpanId()).isEqualTo(producingSpan);
                assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
            });
            assertThat(trace).anySatisfy(consumer -> {
                assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(consumer.getName()).isEqualTo("kit-test.notes process NoteWritten");
                assertThat(consumer.getParentSpanId()).isEqualTo(producingSpan);
            });
        });
    }

    @Test
    void aRecordWithoutTraceContextStartsATraceOfItsOwn() {
        String noteId = UUID.randomUUID().toString();
        TopicProbe.produce(TOPIC, "untraced-" + noteId, "{\"noteId\":\"" + noteId + "\",\"body\":\"partner\"}",
                TopicProbe.cloudEvent("NoteWritten"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(consumer -> {
                    assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(consumer.getParentSpanContext().isValid()).isFalse();
                    assertThat(consumer.getName()).isEqualTo("kit-test.notes process NoteWritten");
                }));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
