package shouwang.alert;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.PlatformTestProfile;

/** visit-service's events on the real broker: completed tasks resolve, missed tasks escalate, routine lapses raise. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class VisitsConsumerTest {

    private static void completed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        ObjectNode data = Bus.object();
        data.put("taskId", UUID.randomUUID().toString());
        data.put("alertId", alertId.toString());
        data.put("cadreId", cadreId.toString());
        data.put("layer", layer);
        data.put("orgCode", org);
        data.put("level", level);
        data.put("visitId", UUID.randomUUID().toString());
        data.put("completedAt", Instant.now().toString());
        Bus.publish("visits", cadreId.toString(), "MustVisitTaskCompleted", data);
    }

    private static void missed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        Bus.mustVisitMissed(cadreId, alertId, layer, org, level);
    }

    private static void routineMiss(UUID cadreId, String layer, String org) {
        ObjectNode data = Bus.object();
        data.put("kind", "ROUTINE");
        data.putNull("taskId");
        data.putNull("alertId");
        data.put("cadreId", cadreId.toString());
        data.put("layer", layer);
        data.put("orgCode", org);
        data.putNull("level");
        data.put("detectedAt", Instant.now().toString());
        data.put("daysOverdue", 12);
        Bus.publish("visits", cadreId.toString(), "VisitMissed", data);
    }

    private static JsonPath alert(UUID alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitHistory(UUID alertId, int entries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId).getList("history").size() >= entries);
    }

    @Test
    void theAlertResolvesWhenTheUnitAndTheCommunityHaveBothVisited() {
        UUID cadreId = Cadres.known("SQ401", "SQ401-WG01", "DW401");
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");

        completed(cadreId, alertId, "UNIT", "DW401", 0);
        awaitHistory(alertId, 2);
        assertEquals("OPEN", alert(alertId).getString("status"), "one layer is not enough");

        completed(cadreId, alertId, "COMMUNITY", "SQ401", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        JsonPath resolvedAlert = alert(alertId);
        assertEquals("VISITED", resolvedAlert.getString("resolution"));
        JsonNode resolved = Bus.awaitAlertEvents("AlertResolved", alertId, 1).get(0);
        assertEquals("VISITED", resolved.get("resolution").asText());
        assertEquals(0, resolved.get("level").asInt());
    }

    @Test
    void theUnitAndCommunityMissesOfOneLevelEscalateOnceWithANewDeadlineAndWhoMustActNow() {
        UUID cadreId = Cadres.known("SQ402", "SQ402-WG01", "DW402");
        UUID alertId = Api.report(cadreId, "FAMILY_ACCIDENT");
        Api.admin().post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200);

        missed(cadreId, alertId, "UNIT", "DW402", 0);
        missed(cadreId, alertId, "COMMUNITY", "SQ402", 0);
        awaitHistory(alertId, 5);

        JsonPath escalatedAlert = alert(alertId);
        assertEquals(1, escalatedAlert.getInt("level"));
        assertEquals("OPEN", escalatedAlert.getString("status"), "the new level has to acknowledge again");
        List<JsonNode> escalations = Bus.awaitAlertEvents("AlertEscalated", alertId, 1);
        assertEquals(1, escalations.size());
        JsonNode escalated = escalations.get(0);
        assertEquals(0, escalated.get("fromLevel").asInt());
        assertEquals(1, escalated.get("level").asInt());
        Instant escalatedAt = Instant.parse(escalated.get("escalatedAt").asText());
        Instant deadline = Instant.parse(escalated.get("deadline").asText());
        assertEquals(Duration.ofHours(24), Duration.between(escalatedAt, deadline), "family accident: 24 h a level");
        assertEquals(deadline, Instant.parse(escalatedAlert.getString("deadline")));
        assertEquals("UNIT_LEADER", escalated.get("mustActNow").get(0).get("role").asText());
        assertEquals("DW402", escalated.get("mustActNow").get(0).get("orgCode").asText());
        assertEquals("COMMUNITY_LEADER", escalated.get("mustActNow").get(1).get("role").asText());

        List<JsonNode> mustVisits = Bus.awaitAlertEvents("MustVisitRequired", alertId, 2);
        JsonNode levelOne = mustVisits.get(1);
        assertEquals(1, levelOne.get("level").asInt());
        assertEquals(deadline, Instant.parse(levelOne.get("deadline").asText()));
        assertEquals(2, levelOne.get("layers").size());

        // After the level-1 visits of both layers, the alert resolves.
        completed(cadreId, alertId, "UNIT", "DW402", 1);
        completed(cadreId, alertId, "COMMUNITY", "SQ402", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        assertEquals(1, Bus.alertEvents("AlertEscalated", alertId).size());
    }

    @Test
    void theLadderClimbsToTheDistrictBureauAndStopsThere() {
        UUID cadreId = Cadres.known("SQ403", "SQ403-WG01", "DW403");
        UUID alertId = Api.report(cadreId, "HELP_REQUEST");
        for (int level = 0; level < 4; level++) {
            missed(cadreId, alertId, "COMMUNITY", "SQ403", level);
        }
        missed(cadreId, alertId, "UNIT", "DW403", 1);
        awaitHistory(alertId, 1 + 5 + 3);

        assertEquals(3, alert(alertId).getInt("level"));
        assertEquals("区委老干部局", alert(alertId).getString("levelLabel"));
        List<JsonNode> escalations = Bus.awaitAlertEvents("AlertEscalated", alertId, 3);
        assertEquals(3, escalations.size(), "0→1, 1→2, 2→3 and no further");
        assertEquals("STREET_OFFICE", escalations.get(1).get("mustActNow").get(0).get("role").asText());
        JsonNode bureau = escalations.get(2).get("mustActNow").get(0);
        assertEquals("DISTRICT_BUREAU", bureau.get("role").asText());
        assertEquals("区委老干部局", bureau.get("name").asText());
        assertEquals(4, Bus.awaitAlertEvents("MustVisitRequired", alertId, 4).size());
    }

    @Test
    void lateVisitsStillResolveAnEscalatedAlertOnceBothLayersHaveVisited() {
        UUID cadreId = Cadres.known("SQ404", "SQ404-WG01", "DW404");
        UUID alertId = Api.report(cadreId, "WORRY");
        missed(cadreId, alertId, "UNIT", "DW404", 0);
        completed(cadreId, alertId, "UNIT", "DW404", 0);
        awaitHistory(alertId, 4);
        assertEquals("OPEN", alert(alertId).getString("status"), "the community has not visited yet");
        assertEquals(1, alert(alertId).getInt("level"));

        completed(cadreId, alertId, "COMMUNITY", "SQ404", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        assertEquals("VISITED", alert(alertId).getString("resolution"));
    }

    @Test
    void aRoutineLapseRaisesARoutineVisitMissedAlertThatAsksForMustVisits() {
        UUID cadreId = Cadres.known("SQ405", "SQ405-WG01", "DW405");
        routineMiss(cadreId, "COMMUNITY", "SQ405");
        routineMiss(cadreId, "UNIT", "DW405");
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.admin()
                .get("/api/v1/alerts?cadreId=" + cadreId + "&kind=ROUTINE_VISIT_MISSED").then().extract()
                .<Integer>path("total") == 1 && alert(firstAlert(cadreId)).getList("signalIds").size() == 2);
        UUID alertId = firstAlert(cadreId);
        JsonPath routine = alert(alertId);
        assertEquals("常规走访逾期", routine.getString("kindLabel"));
        assertEquals("PLATFORM", routine.getString("signals[0].channel"));
        Instant raisedAt = Instant.parse(routine.getString("raisedAt"));
        assertEquals(Duration.ofHours(72), Duration.between(raisedAt, Instant.parse(routine.getString("deadline"))));
        JsonNode mustVisit = Bus.awaitAlertEvents("MustVisitRequired", alertId, 1).get(0);
        assertEquals("ROUTINE_VISIT_MISSED", mustVisit.get("kind").asText());
        assertEquals(2, mustVisit.get("layers").size());
    }

    private static UUID firstAlert(UUID cadreId) {
        String id = Api.admin().get("/api/v1/alerts?cadreId=" + cadreId + "&kind=ROUTINE_VISIT_MISSED").then()
                .extract().path("items[0].id");
        return id == null ? UUID.randomUUID() : UUID.fromString(id);
    }

    @Test
    void eventsForUnknownAlertsOrWithoutLevelGoToTheDeadLetterTopicAndTheNextIsApplied() {
        UUID cadreId = Cadres.known("SQ406", "SQ406-WG01", "DW406");
        UUID ghost = UUID.randomUUID();
        completed(cadreId, ghost, "UNIT", "DW406", 0);
        ObjectNode noLevel = Bus.object();
        noLevel.put("kind", "MUST_VISIT");
        noLevel.put("alertId", ghost.toString());
        noLevel.put("cadreId", cadreId.toString());
        Bus.publish("visits", cadreId.toString(), "VisitMissed", noLevel);
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");
        completed(cadreId, alertId, "UNIT", "DW406", 0);
        completed(cadreId, alertId, "COMMUNITY", "SQ406", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Bus.records("visits.dlq").stream()
                .filter(r -> r.value().contains(ghost.toString())).count() == 2);
        for (ConsumerRecord<String, String> dead : Bus.records("visits.dlq").stream()
                .filter(r -> r.value().contains(ghost.toString())).toList()) {
            String reason = CloudEvents.header(dead.headers(), "dead-letter-reason");
            assertTrue(reason.contains("not found") || reason.contains("level is missing"), reason);
        }
        Api.admin().get("/api/v1/alerts/" + alertId).then().body("resolution", equalTo("VISITED"));
    }
}
