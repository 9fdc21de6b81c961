package shouwang.alert.signal;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/** Partner systems publishing straight onto care-signals, on the real broker. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CareSignalsConsumerTest {

    /** The REST body of a signal, as a partner puts it on the topic (with who reported it). */
    private static Map<String, Object> signal(UUID signalId, UUID cadreId, String kind) {
        Map<String, Object> data = Api.signal(signalId, cadreId, kind);
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
        UUID cadreId = Fixtures.knownCadre("SQ301", "SQ301-WG01", "DW301");
        UUID signalId = UUID.randomUUID();
        TopicProbe.publish("care-signals", cadreId.toString(), "HelpRequested", signal(signalId, cadreId, "HELP_REQUEST"));

        JsonPath alert = awaitOnlyAlert(cadreId, "HELP_REQUEST");
        assertEquals(List.of(signalId.toString()), alert.getList("signalIds"));
        assertEquals("hotline-12345", alert.getString("signals[0].reportedBy"));
        assertEquals("KAFKA", alert.getString("signals[0].channel"));
        UUID alertId = UUID.fromString(alert.getString("id"));
        assertEquals(signalId.toString(),
                Fixtures.alertEvents("AlertRaised", alertId, 1).get(0).get("signalIds").get(0).asText());
        Fixtures.alertEvents("MustVisitRequired", alertId, 1);
    }

    @Test
    void redeliveriesAndTheSameSignalByBothPathsMakeOneAlertWithOneSignal() {
        UUID cadreId = Fixtures.knownCadre("SQ302", "SQ302-WG01", "DW302");
        UUID signalId = UUID.randomUUID();
        String ceId = TopicProbe.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                signal(signalId, cadreId, "HOSPITALISATION"));
        TopicProbe.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                signal(signalId, cadreId, "HOSPITALISATION"), ceId);
        TopicProbe.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                signal(signalId, cadreId, "HOSPITALISATION"));
        JsonPath alert = awaitOnlyAlert(cadreId, "HOSPITALISATION");
        String alertId = alert.getString("id");

        Api.postSignal(Api.as(TestTokens.user("partner").token()), Api.signal(signalId, cadreId, "HOSPITALISATION"))
                .statusCode(202)
                .body("alertId", equalTo(alertId))
                .body("duplicate", equalTo(true));

        // A later event on the same key proves the duplicates before it were consumed.
        UUID barrier = UUID.randomUUID();
        TopicProbe.publish("care-signals", cadreId.toString(), "WorryReported", signal(barrier, cadreId, "WORRY"));
        awaitOnlyAlert(cadreId, "WORRY");
        Api.admin().get("/api/v1/alerts/" + alertId).then().body("signalIds", containsInAnyOrder(signalId.toString()));
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(alertId), 1).size());
    }

    @Test
    void aRestSignalIsAnnouncedOnCareSignalsAndItsEchoChangesNothing() {
        UUID cadreId = Fixtures.knownCadre("SQ303", "SQ303-WG01", "DW303");
        UUID signalId = UUID.randomUUID();
        UUID alertId = UUID.fromString(Api.postSignal(Api.admin(), Api.signal(signalId, cadreId, "WORRY"))
                .statusCode(202).extract().path("alertId"));
        assertEquals(1, TopicProbe.events("care-signals", "WorryReported",
                data -> signalId.toString().equals(data.path("signalId").asText()), 1, Duration.ofSeconds(30)).size());
        UUID barrier = UUID.randomUUID();
        TopicProbe.publish("care-signals", cadreId.toString(), "HardshipReported", signal(barrier, cadreId, "HARDSHIP"));
        awaitOnlyAlert(cadreId, "HARDSHIP");
        Api.admin().get("/api/v1/alerts/" + alertId).then()
                .body("signalIds", containsInAnyOrder(signalId.toString()))
                .body("history.action", containsInAnyOrder("RAISED"));
    }

    @Test
    void aSignalWithoutIdOrInStructuredModeIsAccepted() {
        UUID cadreId = Fixtures.knownCadre("SQ304", "SQ304-WG01", "DW304");
        Map<String, Object> noId = signal(null, cadreId, "HOUSE_MOVE");
        noId.remove("kind");
        String ceId = TopicProbe.publish("care-signals", cadreId.toString(), "HouseMoveReported", noId);
        TopicProbe.publish("care-signals", cadreId.toString(), "HouseMoveReported", noId, ceId);
        JsonPath moved = awaitOnlyAlert(cadreId, "HOUSE_MOVE");
        assertEquals(1, moved.getList("signalIds").size());

        ObjectNode structured = TopicProbe.object();
        structured.put("specversion", "1.0");
        structured.put("id", "partner-evt-" + UUID.randomUUID());
        structured.put("source", "/partner/hospital");
        structured.put("type", "shouwang.FamilyAccidentReported.v1");
        structured.set("data", TopicProbe.JSON.valueToTree(signal(UUID.randomUUID(), cadreId, "FAMILY_ACCIDENT")));
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.CONTENT_TYPE, "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(new ProducerRecord<>("care-signals", null, cadreId.toString(), structured.toString(), headers));
        awaitOnlyAlert(cadreId, "FAMILY_ACCIDENT");
    }

    @Test
    void aPartnerSignalForACadreNotKnownYetIsRaisedWhenTheProfileArrives() {
        UUID cadreId = UUID.randomUUID();
        TopicProbe.publish("care-signals", cadreId.toString(), "HardshipReported",
                signal(UUID.randomUUID(), cadreId, "HARDSHIP"));
        Fixtures.publishProfileAndAwait(cadreId, 1, "SQ305", "SQ305-WG01", "DW305", "ACTIVE");
        JsonPath alert = awaitOnlyAlert(cadreId, "HARDSHIP");
        assertEquals("SQ305", alert.getString("communityCode"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsApplied() throws Exception {
        UUID cadreId = Fixtures.knownCadre("SQ306", "SQ306-WG01", "DW306");
        String notJson = TopicProbe.publish("care-signals", cadreId.toString(), "HospitalisationReported",
                "{not json poison-" + UUID.randomUUID());
        String unknownType = TopicProbe.publish("care-signals", cadreId.toString(), "FloodReported",
                signal(UUID.randomUUID(), cadreId, "HOSPITALISATION"));
        UUID otherCadre = UUID.randomUUID();
        String contradicting = TopicProbe.publish("care-signals", cadreId.toString(), "WorryReported",
                signal(UUID.randomUUID(), otherCadre, "HARDSHIP"));
        Map<String, Object> noCadre = signal(UUID.randomUUID(), cadreId, "WORRY");
        noCadre.remove("cadreId");
        String missingCadre = TopicProbe.publish("care-signals", cadreId.toString(), "WorryReported", noCadre);
        Map<String, Object> badTime = signal(UUID.randomUUID(), otherCadre, "WORRY");
        badTime.put("occurredAt", "yesterday");
        String badOccurredAt = TopicProbe.publish("care-signals", cadreId.toString(), "WorryReported", badTime);
        // A partner's ce_time that is no timestamp used to fail the connector's own CloudEvents reading outside the
        // consumer, which stopped the channel for good: now the kit reads the headers and dead-letters the record.
        String badCeTime = UUID.randomUUID().toString();
        Map<String, String> headers = new java.util.HashMap<>(
                TopicProbe.cloudEvent(badCeTime, "WorryReported", "/partner/12345-hotline"));
        headers.put("ce_time", "yesterday");
        TopicProbe.produce("care-signals", cadreId.toString(),
                TopicProbe.JSON.writeValueAsString(signal(UUID.randomUUID(), cadreId, "WORRY")), headers);
        Map<String, Object> huge = signal(UUID.randomUUID(), cadreId, "WORRY");
        huge.put("details", "长".repeat(100_000));
        String hugeDetails = TopicProbe.publish("care-signals", cadreId.toString(), "WorryReported", huge);
        // no CloudEvents headers at all: nothing says what it is or which id to dedupe on
        String headerless = UUID.randomUUID().toString();
        TopicProbe.produce("care-signals", headerless,
                TopicProbe.JSON.writeValueAsString(signal(UUID.randomUUID(), cadreId, "WORRY")), Map.of());
        TopicProbe.publish("care-signals", cadreId.toString(), "NeighbourDisputeReported",
                signal(UUID.randomUUID(), cadreId, "NEIGHBOUR_DISPUTE"));

        awaitOnlyAlert(cadreId, "NEIGHBOUR_DISPUTE");
        List<TopicProbe.Received> noHeaders = TopicProbe.received("care-signals.dlq",
                r -> headerless.equals(r.key()), 1, java.time.Duration.ofSeconds(30));
        // the DLQ is at least once (docs/events.md): the one headerless record, perhaps sent again after a rebalance
        assertEquals(1, noHeaders.stream().map(TopicProbe.Received::data).distinct().count());
        assertTrue(noHeaders.get(0).header("dead-letter-reason").contains("ce_"),
                noHeaders.get(0).header("dead-letter-reason"));
        List<TopicProbe.Received> dead = Fixtures.deadLetters("care-signals",
                Set.of(notJson, unknownType, contradicting, missingCadre, badOccurredAt, badCeTime, hugeDetails));
        assertEquals(7, dead.size());
        for (TopicProbe.Received record : dead) {
            String reason = record.header("dead-letter-reason");
            assertTrue(reason != null && !reason.isBlank(), "reason header present");
            assertEquals(cadreId.toString(), record.key());
        }
        assertTrue(reason(dead, notJson).contains("not JSON"));
        assertTrue(reason(dead, unknownType).contains("unknown care signal type"));
        assertTrue(reason(dead, contradicting).contains("contradicts"), reason(dead, contradicting));
        assertTrue(reason(dead, missingCadre).contains("cadreId"), reason(dead, missingCadre));
        assertTrue(reason(dead, badOccurredAt).contains("does not fit"), reason(dead, badOccurredAt));
        assertTrue(reason(dead, badCeTime).contains("ce_time"), reason(dead, badCeTime));
        assertTrue(reason(dead, hugeDetails).contains("details"), reason(dead, hugeDetails));
    }

    private static String reason(List<TopicProbe.Received> dead, String ceId) {
        return dead.stream().filter(r -> ceId.equals(r.id())).findFirst().orElseThrow().header("dead-letter-reason");
    }
}
