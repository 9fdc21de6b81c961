package shouwang.alert.me;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/** 一键呼叫 on the real broker: a cadre's own help request raises a HELP_REQUEST alert and asks for both visits. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class OneTapHelpTest {

    private static String cadreToken(UUID cadreId) {
        return TestTokens.user("cadre").cadre(cadreId).token();
    }

    @Test
    void aCadresOneTapRaisesAHelpRequestWithTasksForUnitAndCommunityOnce() {
        UUID cadreId = Fixtures.knownCadre("SQ701", "SQ701-WG01", "DW701");
        UUID requestId = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", requestId.toString(), "serviceType", "MEDICAL_ESCORT",
                "details", "胸闷，想去医院");

        String alertId = Api.as(cadreToken(cadreId)).body(body).post("/api/v1/me/help")
                .then().statusCode(202).extract().path("alertId");
        String again = Api.as(cadreToken(cadreId)).body(body).post("/api/v1/me/help")
                .then().statusCode(202).body("duplicate", equalTo(true)).extract().path("alertId");

        assertEquals(alertId, again, "the same client id is the same help request");
        JsonNode raised = Fixtures.alertEvents("AlertRaised", UUID.fromString(alertId), 1).get(0);
        assertEquals("HELP_REQUEST", raised.get("kind").asText());
        assertEquals(cadreId.toString(), raised.get("cadreId").asText());
        assertEquals("MEDICAL_ESCORT", raised.get("serviceType").asText());
        assertEquals("胸闷，想去医院", raised.get("details").asText());
        assertTrue(raised.get("serviceRequestId").isNull(), "no order exists yet: volunteer-service opens one");
        JsonNode mustVisit = Fixtures.alertEvents("MustVisitRequired", UUID.fromString(alertId), 1).get(0);
        List<String> layers = StreamSupport.stream(mustVisit.get("layers").spliterator(), false)
                .map(layer -> layer.get("layer").asText()).sorted().toList();
        assertEquals(List.of("COMMUNITY", "UNIT"), layers);

        Api.as(cadreToken(cadreId)).get("/api/v1/me/alerts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(alertId))
                .body("items[0].kind", equalTo("HELP_REQUEST"));
    }

    @Test
    void aCadreSeesOnlyItsOwnAlertsAndStaffCannotUseTheSelfServicePaths() {
        UUID mine = Fixtures.knownCadre("SQ702", "SQ702-WG01", "DW702");
        UUID neighbour = Fixtures.knownCadre("SQ702", "SQ702-WG01", "DW702");
        UUID neighboursAlert = Api.report(neighbour, "HOSPITALISATION");

        Api.as(cadreToken(mine)).get("/api/v1/me/alerts").then().statusCode(200).body("total", equalTo(0));
        Api.as(cadreToken(mine)).get("/api/v1/alerts/" + neighboursAlert).then().statusCode(403);
        Api.as(cadreToken(mine)).get("/api/v1/alerts?cadreId=" + neighbour).then().statusCode(403);
        Api.as(TestTokens.user("community-worker").communities("SQ702").token()).body(Map.of())
                .post("/api/v1/me/help").then().statusCode(403);
        Api.as(TestTokens.user("cadre").token()).body(Map.of()).post("/api/v1/me/help").then().statusCode(403);
    }

    @Test
    void aHelpRequestForAnUnansweredOrderCarriesTheOrderToTheAlert() {
        UUID cadreId = Fixtures.knownCadre("SQ703", "SQ703-WG01", "DW703");
        UUID orderId = UUID.randomUUID();
        ObjectNode data = TopicProbe.object();
        data.put("signalId", UUID.randomUUID().toString());
        data.put("cadreId", cadreId.toString());
        data.put("kind", "HELP_REQUEST");
        data.put("details", "服务需求超时未派单：就医陪护");
        data.put("reportedBy", "volunteer-service");
        data.put("serviceRequestId", orderId.toString());
        data.put("serviceType", "MEDICAL_ESCORT");
        TopicProbe.publish("care-signals", cadreId.toString(), "HelpRequested", data);

        List<TopicProbe.Received> raised = TopicProbe.events("alerts", "AlertRaised",
                event -> cadreId.toString().equals(event.path("cadreId").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, raised.size());
        assertEquals(orderId.toString(), raised.get(0).data().get("serviceRequestId").asText());
        assertEquals("MEDICAL_ESCORT", raised.get(0).data().get("serviceType").asText());
    }

    @Test
    void visitServiceTasksOfNoAlertAreNotDeadLetteredAndChangeNoAlert() {
        UUID cadreId = Fixtures.knownCadre("SQ704", "SQ704-WG01", "DW704");
        ObjectNode studyDone = TopicProbe.object().put("taskId", UUID.randomUUID().toString())
                .put("cadreId", cadreId.toString()).put("layer", "COMMUNITY").put("orgCode", "SQ704")
                .put("purpose", "STUDY_DELIVERY").putNull("alertId").putNull("level");
        String completed = TopicProbe.publish("visits", cadreId.toString(), "MustVisitTaskCompleted", studyDone);
        ObjectNode studyMissed = TopicProbe.object().put("kind", "STUDY_DELIVERY")
                .put("taskId", UUID.randomUUID().toString()).put("cadreId", cadreId.toString())
                .put("layer", "COMMUNITY").put("orgCode", "SQ704").putNull("alertId").putNull("level");
        String missedStudy = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", studyMissed);
        ObjectNode absenceMissed = TopicProbe.object().put("kind", "ROUTINE").put("reason", "ACTIVITY_ABSENCE")
                .put("taskId", UUID.randomUUID().toString()).put("cadreId", cadreId.toString())
                .put("layer", "GRID").put("orgCode", "SQ704-WG01").putNull("alertId").putNull("level");
        String missedAbsence = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", absenceMissed);

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.consumed("alert-service.visits", completed)
                && Fixtures.consumed("alert-service.visits", missedStudy)
                && Fixtures.consumed("alert-service.visits", missedAbsence));
        assertEquals(0, TopicProbe.received("visits.dlq",
                r -> Set.of(completed, missedStudy, missedAbsence).contains(r.id()), 1, Duration.ofSeconds(2)).size());
        Api.admin().get("/api/v1/alerts?cadreId=" + cadreId).then().statusCode(200).body("total", equalTo(0));
    }
}
