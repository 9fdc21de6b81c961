package shouwang.alert.signal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/** A move of house (乔迁) in a profile raises the HOUSE_MOVE must-visit for the new community by itself, once. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class HouseMoveTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static List<String> houseMoves(UUID cadreId) {
        return Api.admin().get("/api/v1/alerts?kind=HOUSE_MOVE&cadreId=" + cadreId).then().statusCode(200)
                .extract().path("items.id");
    }

    private static JsonPath alert(String alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static ProducerRecord<String, String> profile(UUID cadreId, long version, String community,
            String ceId) {
        return TopicProbe.record("cadre-profiles", cadreId.toString(), "CadreUpdated", ceId,
                Fixtures.profileData(cadreId, version, community, community + "-WG01", "DW721", "ACTIVE", null));
    }

    @Test
    void aCadreWhoMovedToAnotherCommunityGetsOneHouseMoveAlertForTheNewCommunityAndTheUnit() {
        UUID cadreId = Fixtures.knownCadre("SQ721", "SQ721-WG01", "DW721");
        String moveId = UUID.randomUUID().toString();
        ProducerRecord<String, String> moved = profile(cadreId, 2, "SQ722", moveId);
        // the same event twice (redelivery) and the same version again under another ce_id (a replay)
        TopicProbe.send(moved, moved, profile(cadreId, 2, "SQ722", UUID.randomUUID().toString()));
        // a later profile in the same community (same partition, so read after the others) is no move
        TopicProbe.send(profile(cadreId, 3, "SQ722", UUID.randomUUID().toString()));
        await().atMost(WAIT).until(() -> Fixtures.held(cadreId).version == 3);

        List<String> alerts = houseMoves(cadreId);
        assertEquals(1, alerts.size(), "one move, one alert: " + alerts);
        UUID alertId = UUID.fromString(alerts.get(0));
        JsonPath houseMove = alert(alerts.get(0));
        assertEquals("SQ722", houseMove.getString("communityCode"));
        assertEquals("乔迁", houseMove.getString("kindLabel"));
        assertEquals("PLATFORM", houseMove.getString("signals[0].channel"));
        assertEquals(1, houseMove.getList("signalIds").size());
        JsonNode mustVisit = Fixtures.alertEvents("MustVisitRequired", alertId, 1).get(0);
        assertEquals("UNIT", mustVisit.get("layers").get(0).get("layer").asText());
        assertEquals("DW721", mustVisit.get("layers").get(0).get("orgCode").asText());
        assertEquals("COMMUNITY", mustVisit.get("layers").get(1).get("layer").asText());
        assertEquals("SQ722", mustVisit.get("layers").get(1).get("orgCode").asText(), "the new community visits");
        assertEquals(1, Fixtures.alertEvents("AlertRaised", alertId, 1).size());

        // the next move while that alert is open joins it, as a second signal would
        Fixtures.publishProfileAndAwait(cadreId, 4, "SQ723", "SQ723-WG01", "DW721", "ACTIVE");
        await().atMost(WAIT).until(() -> alert(alerts.get(0)).getList("signalIds").size() == 2);
        assertEquals("SQ723", alert(alerts.get(0)).getString("communityCode"));
        assertEquals(List.of(alerts.get(0)), houseMoves(cadreId));
    }

    @Test
    void aFirstProfileOrAMoveOfACadreNoLongerActiveRaisesNoHouseMove() {
        UUID cadreId = Fixtures.knownCadre("SQ724", "SQ724-WG01", "DW724");
        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ724", "SQ724-WG02", "DW724", "ACTIVE");
        assertEquals(List.of(), houseMoves(cadreId), "a new grid in the same community is no move of house");
        Fixtures.publishProfileAndAwait(cadreId, 3, "SQ725", "SQ725-WG01", "DW724", "MOVED_AWAY");
        assertEquals(List.of(), houseMoves(cadreId), "a cadre who moved away gets no more visits");
    }
}
