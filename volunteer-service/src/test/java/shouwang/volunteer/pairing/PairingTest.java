package shouwang.volunteer.pairing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class PairingTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ401").token();

    static ValidatableResponse pair(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/pairings").then();
    }

    @Test
    void aResidentIsPairedWithACadreAndVisitServiceIsTold() {
        UUID cadre = Fixtures.activeCadre("SQ401", "WIDOWED_CHILDLESS");
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "邻居王阿姨",
                "phone", "13500000401", "cadence", "P3D", "startedOn", "2026-11-01")).statusCode(201)
                .body("status", equalTo("ACTIVE")).body("cadence", equalTo("P3D")).extract().path("id");

        TopicProbe.Received record = Fixtures.awaitEvent("PairingCreated", "pairingId", pairingId);
        JsonNode data = record.data();
        assertEquals(Set.of("pairingId", "cadreId", "volunteerId", "volunteerCadreId",
                "volunteerName", "volunteerPhone", "cadence", "startedOn", "communityCode", "gridCode", "districtCode"),
                Fixtures.fields(data));
        assertEquals(cadre.toString(), record.key());
        assertEquals(cadre.toString(), data.path("cadreId").asText());
        assertEquals("邻居王阿姨", data.path("volunteerName").asText());
        assertEquals("13500000401", data.path("volunteerPhone").asText());
        assertEquals("P3D", data.path("cadence").asText());
        assertEquals("2026-11-01", data.path("startedOn").asText());
        assertEquals(true, data.path("volunteerCadreId").isNull());
        assertEquals(false, data.path("volunteerId").asText().isEmpty());

        given().auth().oauth2(WORKER).get("/api/v1/pairings?cadreId=" + cadre).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(pairingId))
                .body("items[0].volunteerName", equalTo("邻居王阿姨"));
    }

    @Test
    void aCadreInGoodHealthMayBeTheVolunteerButNotOneWhoNeedsCare() {
        UUID helped = Fixtures.activeCadre("SQ401");
        UUID healthy = Fixtures.activeCadre("SQ401");
        UUID frail = Fixtures.cadre("SQ401", "ACTIVE", "PARTIAL");
        String pairingId = pair(WORKER, Map.of("cadreId", helped.toString(), "volunteerCadreId", healthy.toString()))
                .statusCode(201).body("volunteerCadreId", equalTo(healthy.toString()))
                .body("cadence", equalTo("P7D")).extract().path("id");
        JsonNode data = Fixtures.awaitEvent("PairingCreated", "pairingId", pairingId).data();
        assertEquals(healthy.toString(), data.path("volunteerCadreId").asText());
        assertEquals("测试老干部", data.path("volunteerName").asText());

        pair(WORKER, Map.of("cadreId", helped.toString(), "volunteerCadreId", frail.toString())).statusCode(409);
        pair(WORKER, Map.of("cadreId", helped.toString(), "volunteerCadreId", helped.toString())).statusCode(400)
                .body("violations.field", hasItem("volunteerCadreId"));
        // the same pair twice
        pair(WORKER, Map.of("cadreId", helped.toString(), "volunteerCadreId", healthy.toString())).statusCode(409);
    }

    @Test
    void repeatingAPairingWithItsClientIdReturnsTheSamePairing() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", clientId, "cadreId", cadre.toString(), "volunteerName", "赵",
                "phone", "13500000402");
        pair(WORKER, body).statusCode(201).body("id", equalTo(clientId));
        pair(WORKER, body).statusCode(200).body("id", equalTo(clientId));
        given().auth().oauth2(WORKER).get("/api/v1/pairings?cadreId=" + cadre).then().body("total", equalTo(1));
    }

    @Test
    void endingAPairingIsAnnouncedOnce() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "钱",
                "phone", "13500000403", "startedOn", "2026-10-01")).statusCode(201).extract().path("id");
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("endedOn", "2026-11-20", "reason", "志愿者搬家"))
                .post("/api/v1/pairings/" + pairingId + "/end").then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedOn", equalTo("2026-11-20"));
        given().auth().oauth2(WORKER).post("/api/v1/pairings/" + pairingId + "/end").then().statusCode(200)
                .body("endedOn", equalTo("2026-11-20")).body("endReason", equalTo("志愿者搬家"));

        TopicProbe.Received record = Fixtures.awaitEvent("PairingEnded", "pairingId", pairingId);
        assertEquals(cadre.toString(), record.key());
        assertEquals("2026-11-20", record.data().path("endedOn").asText());
        assertEquals(Set.of("pairingId", "cadreId", "volunteerId", "endedOn", "reason"),
                Fixtures.fields(record.data()));
        assertEquals("志愿者搬家", record.data().path("reason").asText());
        // a new pairing of the same two may start after the old one ended
        pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "钱", "phone", "13500000403"))
                .statusCode(201);
    }

    @Test
    void pairingsAreLimitedToTheCallersScopeAndBadInputIsNamed() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String other = TestTokens.user("community-worker").communities("SQ999").token();
        pair(other, Map.of("cadreId", cadre.toString(), "volunteerName", "孙", "phone", "13500000404"))
                .statusCode(403);
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "孙",
                "phone", "13500000404")).statusCode(201).extract().path("id");
        given().auth().oauth2(other).get("/api/v1/pairings/" + pairingId).then().statusCode(404);
        // a list filtered on a cadre outside the scope is a 403, as on an org outside it
        given().auth().oauth2(other).get("/api/v1/pairings?cadreId=" + cadre).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("grid-worker").grids("SQ401-WG01").token())
                .get("/api/v1/pairings/" + pairingId).then().statusCode(200);

        pair(WORKER, Map.of("cadreId", UUID.randomUUID().toString(), "volunteerName", "孙", "phone", "13500000404"))
                .statusCode(400).body("violations.field", hasItem("cadreId"));
        pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "孙", "phone", "13500000404",
                "cadence", "weekly")).statusCode(400).body("violations.field", hasItem("cadence"));
        pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "孙", "phone", "13500000404",
                "cadence", "PT72H")).statusCode(400).body("violations.field", hasItem("cadence"));
        pair(WORKER, Map.of("volunteerName", "孙")).statusCode(400).body("violations.field", hasItem("cadreId"));
    }

    @Test
    void aCadreWhoDiesEndsTheirPairings() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "周",
                "phone", "13500000405", "startedOn", "2026-09-01")).statusCode(201).extract().path("id");
        Map<String, Object> deceased = new java.util.HashMap<>(
                Fixtures.profile(cadre, 2, "SQ401", "DECEASED", "NONE", List.of()));
        deceased.put("deceasedOn", "2026-11-21");
        Fixtures.sendProfile(deceased);

        JsonNode ended = Fixtures.awaitEvent("PairingEnded", "pairingId", pairingId).data();
        assertEquals("2026-11-21", ended.path("endedOn").asText());
        assertEquals("CADRE_DECEASED", ended.path("reason").asText());
        given().auth().oauth2(WORKER).get("/api/v1/pairings/" + pairingId).then().body("status", equalTo("ENDED"));
    }

    @Test
    void aPairingFollowsItsCadreToANewCommunity() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "吴",
                "phone", "13500000406")).statusCode(201).extract().path("id");
        Fixtures.sendProfile(Fixtures.profile(cadre, 2, "SQ402", "ACTIVE", "FULL", List.of()));
        Fixtures.awaitCadre(cadre, 2);

        String newCommunity = TestTokens.user("community-worker").communities("SQ402").token();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(newCommunity).get("/api/v1/pairings/" + pairingId).then().statusCode(200)
                        .body("communityCode", equalTo("SQ402")));
        given().auth().oauth2(WORKER).get("/api/v1/pairings/" + pairingId).then().statusCode(404);
    }

    @Test
    void aTokenWithoutScopeClaimsSeesNoPairingsAndMayNotFilterThemByCommunityOrCadre() {
        UUID cadre = Fixtures.activeCadre("SQ401");
        String pairingId = pair(WORKER, Map.of("cadreId", cadre.toString(), "volunteerName", "郑",
                "phone", "13500000407")).statusCode(201).extract().path("id");
        String unscoped = TestTokens.named("grid-worker-without-scope").roles("grid-worker").token();

        given().auth().oauth2(unscoped).get("/api/v1/pairings").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/pairings?cadreId=" + cadre).then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/pairings?communityCode=SQ401").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/pairings/" + pairingId).then().statusCode(404);
    }
}
