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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/** Emergency cut-off (战时): a cadre nobody reached in an emergency check-in round raises EMERGENCY_UNREACHED. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class EmergencyCutOffTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ObjectNode unreached(UUID campaignId, UUID cadreId, String on) {
        ObjectNode data = TopicProbe.object();
        data.put("kind", "EMERGENCY_CHECK");
        data.put("campaignId", campaignId.toString());
        data.put("cadreId", cadreId.toString());
        data.put("on", on);
        data.put("detectedAt", Instant.now().toString());
        data.put("communityCode", "SQ741");
        data.put("gridCode", "SQ741-WG01");
        return data;
    }

    private static List<String> emergencies(UUID cadreId) {
        return Api.admin().get("/api/v1/alerts?kind=EMERGENCY_UNREACHED&cadreId=" + cadreId).then().statusCode(200)
                .extract().path("items.id");
    }

    private static JsonPath alert(String alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCadreNotReachedRaisesOneAlertPerCampaignAndDayDueInFourHours() {
        UUID cadreId = Fixtures.knownCadre("SQ741", "SQ741-WG01", "DW741");
        UUID campaignId = UUID.randomUUID();
        String ceId = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed",
                unreached(campaignId, cadreId, "2026-12-02"));
        TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", unreached(campaignId, cadreId, "2026-12-02"),
                ceId);
        TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", unreached(campaignId, cadreId, "2026-12-02"));
        // the next day's miss comes after the others on the cadre's partition: once it is in, all were applied
        TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", unreached(campaignId, cadreId, "2026-12-03"));
        await().atMost(WAIT).until(() -> emergencies(cadreId).size() == 1
                && alert(emergencies(cadreId).get(0)).getList("signalIds").size() >= 2);

        String alertId = emergencies(cadreId).get(0);
        JsonPath emergency = alert(alertId);
        assertEquals(2, emergency.getList("signalIds").size(), "one signal per (campaign, cadre, day)");
        assertEquals("战时未联系", emergency.getString("kindLabel"));
        assertEquals(Duration.ofHours(4), Duration.between(Instant.parse(emergency.getString("raisedAt")),
                Instant.parse(emergency.getString("deadline"))));
        assertEquals("PT4H", emergency.getString("escalateEvery"));
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(alertId), 1).size());
        assertEquals("EMERGENCY_UNREACHED",
                Fixtures.alertEvents("MustVisitRequired", UUID.fromString(alertId), 1).get(0).get("kind").asText());
    }

    @Test
    void anEmergencyMissWithoutCampaignOrDayIsPoisonAndTheKindCannotBeReportedByHand() {
        UUID cadreId = Fixtures.knownCadre("SQ742", "SQ742-WG01", "DW742");
        ObjectNode noCampaign = unreached(UUID.randomUUID(), cadreId, "2026-12-02");
        noCampaign.remove("campaignId");
        ObjectNode noDay = unreached(UUID.randomUUID(), cadreId, "2026-12-02");
        noDay.remove("on");
        String first = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", noCampaign);
        String second = TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", noDay);
        List<TopicProbe.Received> dead = Fixtures.deadLetters("visits", Set.of(first, second));
        assertEquals(2, dead.size());
        assertTrue(emergencies(cadreId).isEmpty());

        Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), cadreId, "EMERGENCY_UNREACHED")).statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        Api.admin().get("/api/v1/escalation-policy").then().statusCode(200)
                .body("kinds.EMERGENCY_UNREACHED.deadline", equalTo("PT4H"))
                .body("kinds.EMERGENCY_UNREACHED.escalateEvery", equalTo("PT4H"));
    }
}
