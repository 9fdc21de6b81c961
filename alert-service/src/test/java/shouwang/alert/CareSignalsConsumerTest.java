package shouwang.alert;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** Partner systems publishing straight onto care-signals, on the real broker. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CareSignalsConsumerTest {

    private static ObjectNode signal(UUID signalId, UUID cadreId, String kind) {
        ObjectNode data = Bus.object();
        if (signalId != null) {
            data.put("signalId", signalId.toString());
        }
        data.put("cadreId", cadreId.toString());
        data.put("kind", kind);
        data.put("occurredAt", "2026-11-22T07:30:00Z");
        data.put("details", "爱心伞求助：需要陪同就医");
        data.put("reportedBy", "hotline-12345");
        return data;
    }

    private static JsonPath awaitOnlyAlert(UUID cadreId, String kind) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.admin()
                .get("/api/v1/alerts?cadreId=" + cadreId + "&kind=" + kind).then().extract().<Integer>path("total") > 0);
        JsonPath list = Api.admin().get("/api/v1/alerts?cadreId=" + cadreId + "&kind=" + kind).then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath();
        return Api.admin().get("/api/v1/alerts/" + list.getString("items[0].id")).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aPartnerEventRaisesTheAlertAndItsMustVisits() {
        UUID cadreId = Cadres.known("SQ301", "SQ301-WG01", "DW301");
        UUID signalId = UUID.randomUUID();
        Bus.publish("care-signals", cadreId.toString(), "HelpRequested", signal(signalId, cadreId, "HELP_REQUEST"));

        JsonPath alert = awaitOnlyAlert(cadreId, "HELP_REQUEST");
        assertEquals(List.of(signalId.toString()), alert.getList("signalIds"));
        assertEquals("hotline-12345", alert.getString("signals[0].reportedBy"));
        assertEquals("KAFKA", alert.getString("signals[0].channel"));
        UUID alertId = UUID.fromString(alert.getString("id"));
        assertEquals(signalId.toString(),
                Bus.awaitAlertEvents("AlertRaised", alertId, 1).get(0).get("signalIds").get(0).asText());
        Bus.awaitAlertEvents("MustVisitRequired", alertId, 1);
    }

    @Test
    void redeliveriesAndTheSameSignalByBothPathsMakeOneAlertWithOneSignal() {
        UUID cadreId = Cadres.known("SQ302", "SQ302-WG01", "DW302");
        UUID signalId = UUID.randomUUID();
        String ceId = Bus.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                signal(signalId, cadreId, "HOSPITALISATION"));
        Bus.publishWithId("care-signals", cadreId.toString(), "HospitalisationReported", ceId,
                signal(signalId, cadreId, "HOSPITALISATION"));
        Bus.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                signal(signalId, cadreId, "HOSPITALISATION"));
        JsonPath alert = awaitOnlyAlert(cadreId, "HOSPITALISATION");
        String alertId = alert.getString("id");

        Api.postSignal(Api.as(TestTokens.user("partner").token()), Api.signal(signalId, cadreId, "HOSPITALISATION"))
                .statusCode(202)
                .body("alertId", equalTo(alertId))
                .body("duplicate", equalTo(true));

        // A later event on the same key proves the duplicates before it were consumed.
        UUID barrier = UUID.randomUUID();
        Bus.publish("care-signals", cadreId.toString(), "WorryReported", signal(barrier, cadreId, "WORRY"));
        awaitOnlyAlert(cadreId, "WORRY");
        Api.admin().get("/api/v1/alerts/" + alertId).then().body("signalIds", containsInAnyOrder(signalId.toString()));
        assertEquals(1, Bus.alertEvents("AlertRaised", UUID.fromString(alertId)).size());
    }

    @Test
    void aRestSignalIsAnnouncedOnCareSignalsAndItsEchoChangesNothing() {
        UUID cadreId = Cadres.known("SQ303", "SQ303-WG01", "DW303");
        UUID signalId = UUID.randomUUID();
        UUID alertId = UUID.fromString(Api.postSignal(Api.admin(), Api.signal(signalId, cadreId, "WORRY"))
                .statusCode(202).extract().path("alertId"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Bus.events("care-signals", "WorryReported",
                data -> signalId.toString().equals(data.path("signalId").asText())).size() == 1);
        UUID barrier = UUID.randomUUID();
        Bus.publish("care-signals", cadreId.toString(), "HardshipReported", signal(barrier, cadreId, "HARDSHIP"));
        awaitOnlyAlert(cadreId, "HARDSHIP");
        Api.admin().get("/api/v1/alerts/" + alertId).then()
                .body("signalIds", containsInAnyOrder(signalId.toString()))
                .body("history.action", containsInAnyOrder("RAISED"));
    }

    @Test
    void aSignalWithoutIdOrInStructuredModeIsAccepted() {
        UUID cadreId = Cadres.known("SQ304", "SQ304-WG01", "DW304");
        ObjectNode noId = signal(null, cadreId, "HOUSE_MOVE");
        noId.remove("kind");
        String ceId = Bus.publish("care-signals", cadreId.toString(), "HouseMoveReported", noId);
        Bus.publishWithId("care-signals", cadreId.toString(), "HouseMoveReported", ceId, noId);
        JsonPath moved = awaitOnlyAlert(cadreId, "HOUSE_MOVE");
        assertEquals(1, moved.getList("signalIds").size());

        ObjectNode structured = Bus.object();
        structured.put("specversion", "1.0");
        structured.put("id", "partner-evt-" + UUID.randomUUID());
        structured.put("source", "/partner/hospital");
        structured.put("type", "shouwang.FamilyAccidentReported.v1");
        structured.set("data", signal(UUID.randomUUID(), cadreId, "FAMILY_ACCIDENT"));
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.CONTENT_TYPE, "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        Bus.sendRaw(new ProducerRecord<>("care-signals", null, cadreId.toString(), structured.toString(), headers));
        awaitOnlyAlert(cadreId, "FAMILY_ACCIDENT");
    }

    @Test
    void aPartnerSignalForACadreNotKnownYetIsRaisedWhenTheProfileArrives() {
        UUID cadreId = UUID.randomUUID();
        Bus.publish("care-signals", cadreId.toString(), "HardshipReported", signal(UUID.randomUUID(), cadreId, "HARDSHIP"));
        Cadres.publishAndAwait(cadreId, 1, "SQ305", "SQ305-WG01", "DW305", "ACTIVE");
        JsonPath alert = awaitOnlyAlert(cadreId, "HARDSHIP");
        assertEquals("SQ305", alert.getString("communityCode"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsApplied() {
        UUID cadreId = Cadres.known("SQ306", "SQ306-WG01", "DW306");
        String marker = "poison-" + UUID.randomUUID();
        Bus.publish("care-signals", cadreId.toString(), "HospitalisationReported", "{not json " + marker);
        ObjectNode unknownKind = signal(UUID.randomUUID(), cadreId, "HOSPITALISATION");
        unknownKind.put("details", marker);
        Bus.publish("care-signals", cadreId.toString(), "FloodReported", unknownKind);
        Bus.publish("care-signals", cadreId.toString(), "NeighbourDisputeReported",
                signal(UUID.randomUUID(), cadreId, "NEIGHBOUR_DISPUTE"));

        awaitOnlyAlert(cadreId, "NEIGHBOUR_DISPUTE");
        List<ConsumerRecord<String, String>> dead = Bus.awaitDeadLetters("care-signals", v -> v.contains(marker));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Bus.records("care-signals.dlq").stream().filter(r -> r.value().contains(marker)).count() == 2);
        dead = Bus.records("care-signals.dlq").stream().filter(r -> r.value().contains(marker)).toList();
        for (ConsumerRecord<String, String> record : dead) {
            String reason = CloudEvents.header(record.headers(), "dead-letter-reason");
            assertTrue(reason != null && !reason.isBlank(), "reason header present");
            assertEquals(cadreId.toString(), record.key());
        }
        assertTrue(dead.stream().anyMatch(r -> CloudEvents.header(r.headers(), "dead-letter-reason").contains("not JSON")));
        assertTrue(dead.stream().anyMatch(r -> CloudEvents.header(r.headers(), "dead-letter-reason").contains("unknown care signal type")));
    }
}
