package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/** An operator sees how fresh each read model is: readiness details and metrics per consumer. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ReadModelFreshnessTest {

    @Test
    void readinessAndMetricsShowTheNewestEventEachConsumerApplied() {
        OffsetDateTime sent = OffsetDateTime.parse("2026-11-30T08:00:00Z");
        Map<String, String> headers = new java.util.LinkedHashMap<>(TopicProbe.cloudEvent("NoteWritten"));
        headers.put("ce_time", sent.toString());
        TopicProbe.produce("kit-test-notes", "fresh", "{\"noteId\":\"" + UUID.randomUUID()
                + "\",\"body\":\"fresh\"}", headers);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'read-models' }.data.'kit-test.notes'") != null);
        String details = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getString("checks.find { it.name == 'read-models' }.data.'kit-test.notes'");
        assertThat(details).contains("newest event 20", "since start");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("shouwang_consumer_applied_total{consumer=\"kit-test.notes\"")
                .contains("shouwang_consumer_newest_event_age_seconds{consumer=\"kit-test.notes\"");
        // the Kafka client's own lag, per consumer (and per partition once fetched): Micrometer's Kafka binder registers
        // a client's meters when it binds it and again on its refresh schedule (every 60 s), not when the record is
        // applied, so on a loaded machine the meter can appear after the read model moved: wait for it, bounded
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .get("/q/metrics").then().statusCode(200).extract().asString()
                .contains("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-kit-test-notes\""));
    }
}
