package shouwang.alert.escalation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/** visit-service's events on the real broker: completed tasks resolve, missed tasks escalate, routine lapses raise. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class VisitsConsumerTest {

    private static String completed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        return Fixtures.mustVisitCompleted(cadreId, alertId, layer, org, level);
    }

    private static void missed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        Fixtures.mustVisitMissed(cadreId, alertId, layer, org, level);
    }

    private static void routineMiss(UUID cadreId, String layer, String org) {
        ObjectNode data = TopicProbe.object();
        data.put("kind", "ROUTINE");
        data.putNull("taskId");
        data.putNull("alertId");
        data.put("cadreId", cadreId.toString());
        data.put("layer", layer);
        data.put("orgCode", org);
        data.putNull("level");
        data.put("detectedAt", Instant.now().toString());
        data.put("daysOverdue", 12);
        TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", data);
    }

    private static JsonPath alert(UUID alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitHistory(UUID alertId, int entries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId).getList("history").size() >= entries);
    }

    @Test
    void theAlertResolvesWhenTheUnitAndTheCommunityHaveBothVisited() {
        UUID cadreId = Fixtures.knownCadre("SQ401", "SQ401-WG01", "DW401");
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");

        completed(cadreId, alertId, "UNIT", "DW401", 0);
        awaitHistory(alertId, 2);
        assertEquals("OPEN", alert(alertId).getString("status"), "one layer is not enough");

        completed(cadreId, alertId, "COMMUNITY", "SQ401", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        JsonPath resolvedAlert = alert(alertId);
        assertEquals("VISITED", resolvedAlert.getString("resolution"));
        JsonNode resolved = Fixtures.alertEvents("AlertResolved", alertId, 1).get(0);
        assertEquals("VISITED", resolved.get("resolution").asText());
        assertEquals(0, resolved.get("level").asInt());
    }

    @Test
    void theUnitAndCommunityMissesOfOneLevelEscalateOnceWithANewDeadlineAndWhoMustActNow() {
        UUID cadreId = Fixtures.knownCadre("SQ402", "SQ402-WG01", "DW402");
        UUID alertId = Api.report(cadreId, "FAMILY_ACCIDENT");
        Api.admin().post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200);

        missed(cadreId, alertId, "UNIT", "DW402", 0);
        missed(cadreId, alertId, "COMMUNITY", "SQ402", 0);
        awaitHistory(alertId, 5);

        JsonPath escalatedAlert = alert(alertId);
        assertEquals(1, escalatedAlert.getInt("level"));
        assertEquals("OPEN", escalatedAlert.getString("status"), "the new level has to acknowledge again");
        List<JsonNode> escalations = Fixtures.alertEvents("AlertEscalated", alertId, 1);
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

        List<JsonNode> mustVisits = Fixtures.alertEvents("MustVisitRequired", alertId, 2);
        JsonNode levelOne = mustVisits.get(1);
        assertEquals(1, levelOne.get("level").asInt());
        assertEquals(deadline, Instant.parse(levelOne.get("deadline").asText()));
        assertEquals(2, levelOne.get("layers").size());

        // After the level-1 visits of both layers, the alert resolves.
        completed(cadreId, alertId, "UNIT", "DW402", 1);
        completed(cadreId, alertId, "COMMUNITY", "SQ402", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        assertEquals(1, Fixtures.alertEvents("AlertEscalated", alertId, 1).size());
    }

    @Test
    void theLadderClimbsToTheDistrictBureauAndStopsThere() {
        UUID cadreId = Fixtures.knownCadre("SQ403", "SQ403-WG01", "DW403");
        UUID alertId = Api.report(cadreId, "HELP_REQUEST");
        for (int level = 0; level < 4; level++) {
            missed(cadreId, alertId, "COMMUNITY", "SQ403", level);
        }
        missed(cadreId, alertId, "UNIT", "DW403", 1);
        awaitHistory(alertId, 1 + 5 + 3);

        assertEquals(3, alert(alertId).getInt("level"));
        assertEquals("区委老干部局", alert(alertId).getString("levelLabel"));
        List<JsonNode> escalations = Fixtures.alertEvents("AlertEscalated", alertId, 3);
        assertEquals(3, escalations.size(), "0→1, 1→2, 2→3 and no further");
        assertEquals("DISTRICT_BUREAU", escalations.get(1).get("mustActNow").get(0).get("role").asText(),
                "no street known for the community: the bureau is asked at level 2");
        JsonNode bureau = escalations.get(2).get("mustActNow").get(0);
        assertEquals("DISTRICT_BUREAU", bureau.get("role").asText());
        assertEquals("区委老干部局", bureau.get("orgName").asText());
        assertEquals(4, Fixtures.alertEvents("MustVisitRequired", alertId, 4).size());
    }

    @Test
    void lateVisitsStillResolveAnEscalatedAlertOnceBothLayersHaveVisited() {
        UUID cadreId = Fixtures.knownCadre("SQ404", "SQ404-WG01", "DW404");
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
        UUID cadreId = Fixtures.knownCadre("SQ405", "SQ405-WG01", "DW405");
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
        JsonNode mustVisit = Fixtures.alertEvents("MustVisitRequired", alertId, 1).get(0);
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
        UUID cadreId = Fixtures.knownCadre("SQ406", "SQ406-WG01", "DW406");
        UUID ghost = UUID.randomUUID();
        String ghostCompleted = completed(cadreId, ghost, "UNIT", "DW406", 0);
        ObjectNode noLevel = TopicProbe.object();
        noLevel.put("kind", "MUST_VISIT");
        noLevel.put("alertId", ghost.toString());
        noLevel.put("cadreId", cadreId.toString());
        String noLevelMissed = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", noLevel);
        ObjectNode otherKind = noLevel.deepCopy().put("kind", "SOMETIMES").put("level", 0);
        String otherKindMissed = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", otherKind);
        ObjectNode routineWithoutCadre = TopicProbe.object().put("kind", "ROUTINE").put("layer", "UNIT");
        String routineNoCadre = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", routineWithoutCadre);
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");
        completed(cadreId, alertId, "UNIT", "DW406", 0);
        completed(cadreId, alertId, "COMMUNITY", "SQ406", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(alert(alertId).getString("status")));
        List<TopicProbe.Received> dead = Fixtures.deadLetters("visits",
                Set.of(ghostCompleted, noLevelMissed, otherKindMissed, routineNoCadre));
        assertEquals(4, dead.size());
        assertTrue(reason(dead, ghostCompleted).contains("not found"), reason(dead, ghostCompleted));
        assertTrue(reason(dead, noLevelMissed).contains("level is missing"), reason(dead, noLevelMissed));
        assertTrue(reason(dead, otherKindMissed).contains("must be MUST_VISIT, ROUTINE or EMERGENCY_CHECK"), reason(dead, otherKindMissed));
        assertTrue(reason(dead, routineNoCadre).contains("cadreId is missing"), reason(dead, routineNoCadre));
        Api.admin().get("/api/v1/alerts/" + alertId).then().body("resolution", equalTo("VISITED"));
    }

    private static String reason(List<TopicProbe.Received> dead, String ceId) {
        return dead.stream().filter(r -> ceId.equals(r.id())).findFirst().orElseThrow().header("dead-letter-reason");
    }
}
