package shouwang.alert.escalation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class AlertWorklistTest {

    @Test
    void theWorklistFiltersByCadreStatusLevelCommunityAndKindAndPages() {
        UUID cadre = Fixtures.knownCadre("SQ201", "SQ201-WG01", "DW201");
        UUID hospital = Api.report(cadre, "HOSPITALISATION");
        UUID worry = Api.report(cadre, "WORRY");
        UUID hardship = Api.report(cadre, "HARDSHIP");
        // A mobile client acknowledges with no body and no Content-Type.
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.districtAdmin())
                .post("/api/v1/alerts/" + worry + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));

        Api.admin().get("/api/v1/alerts?cadreId=" + cadre).then().statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.id", contains(hardship.toString(), worry.toString(), hospital.toString()));
        Api.admin().get("/api/v1/alerts?cadreId=" + cadre + "&status=ACKNOWLEDGED").then()
                .body("items.id", contains(worry.toString()));
        Api.admin().get("/api/v1/alerts?cadreId=" + cadre + "&kind=HOSPITALISATION&level=0").then()
                .body("items.id", contains(hospital.toString()))
                .body("items[0].signalIds", hasSize(1))
                .body("items[0].kindLabel", equalTo("生病住院"));
        Api.admin().get("/api/v1/alerts?cadreId=" + cadre + "&level=1").then().body("total", equalTo(0));
        Api.admin().get("/api/v1/alerts?communityCode=SQ201&size=2&page=1").then()
                .body("total", equalTo(3))
                .body("items.id", contains(hospital.toString()));
    }

    @Test
    void badQueryParametersAreRefusedNamingTheParameter() {
        Api.admin().get("/api/v1/alerts?status=CLOSED").then().statusCode(400).body("violations[0].field", equalTo("status"));
        Api.admin().get("/api/v1/alerts?level=7").then().statusCode(400).body("violations[0].field", equalTo("level"));
        Api.admin().get("/api/v1/alerts?updatedSince=yesterday").then().statusCode(400)
                .body("violations[0].field", equalTo("updatedSince"));
        Api.admin().get("/api/v1/alerts?cadreId=42").then().statusCode(400).body("violations[0].field", equalTo("cadreId"));
        Api.admin().get("/api/v1/alerts?overdue=yes").then().statusCode(400).body("violations[0].field", equalTo("overdue"));
        Api.admin().get("/api/v1/alerts?size=0").then().statusCode(400).body("violations[0].field", equalTo("size"));
        Api.admin().get("/api/v1/alerts/not-an-id").then().statusCode(400);
    }

    @Test
    void aScopedWorkerSeesAndChangesOnlyAlertsOfCadresInsideItsScope() {
        UUID mine = Api.report(Fixtures.knownCadre("SQ202", "SQ202-WG01", "DW202"), "HOUSE_MOVE");
        UUID theirs = Api.report(Fixtures.knownCadre("SQ203", "SQ203-WG01", "DW203"), "HOUSE_MOVE");
        String worker = TestTokens.user("community-worker").communities("SQ202").token();

        Api.as(worker).get("/api/v1/alerts?kind=HOUSE_MOVE").then().statusCode(200)
                .body("items.communityCode", everyItem(equalTo("SQ202")))
                .body("items.id", org.hamcrest.Matchers.hasItem(mine.toString()));
        Api.as(worker).get("/api/v1/alerts?communityCode=SQ203").then().statusCode(403);
        Api.as(worker).get("/api/v1/alerts/" + theirs).then().statusCode(404);
        Api.as(worker).get("/api/v1/alerts/" + mine).then().statusCode(200);
        Api.as(worker).post("/api/v1/alerts/" + theirs + "/acknowledge").then().statusCode(403);
        Api.as(worker).body(Map.of("reason", "DUPLICATE_REPORT", "note", "已电话联系")).post("/api/v1/alerts/" + theirs + "/resolve").then()
                .statusCode(403);
        Api.as(TestTokens.user("unit-liaison").units("DW203").token()).get("/api/v1/alerts/" + theirs).then()
                .statusCode(200);
        Api.as(TestTokens.user("community-worker").token()).get("/api/v1/alerts").then().statusCode(200)
                .body("total", equalTo(0));
        Api.as(TestTokens.user("partner").token()).get("/api/v1/alerts").then().statusCode(403);
        Api.admin().get("/api/v1/alerts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aCommunityFilterFollowsThePlatformFilterRule() {
        UUID alert = Api.report(Fixtures.knownCadre("SQ206", "SQ206-WG01", "DW206"), "WORRY");
        Api.report(Fixtures.knownCadre("SQ207", "SQ207-WG01", "DW207"), "WORRY");

        String gridWorker = TestTokens.user("grid-worker").grids("SQ206-WG01").token();
        Api.as(gridWorker).get("/api/v1/alerts?communityCode=SQ206").then().statusCode(200)
                .body("items.id", contains(alert.toString()));
        Api.as(gridWorker).get("/api/v1/alerts?communityCode=SQ207").then().statusCode(403);
        // A unit liaison's retirees live anywhere: it may filter by any community, and sees only its unit's.
        Api.as(TestTokens.user("unit-liaison").units("DW206").token()).get("/api/v1/alerts?communityCode=SQ207")
                .then().statusCode(200).body("total", equalTo(0));
        // No scope claims: nothing to see, and a filter names a place outside the scope.
        Api.as(TestTokens.user("community-worker").token()).get("/api/v1/alerts?communityCode=SQ206").then()
                .statusCode(403);
        Api.as(TestTokens.user("community-worker").token()).get("/api/v1/alerts/" + alert).then().statusCode(404);
    }

    @Test
    void aCadreFilterOutsideTheScopeIsForbiddenNotAnEmptyPage() {
        UUID inside = Fixtures.knownCadre("SQ208", "SQ208-WG01", "DW208");
        UUID outside = Fixtures.knownCadre("SQ209", "SQ209-WG01", "DW209");
        UUID mine = Api.report(inside, "HARDSHIP");
        Api.report(outside, "HARDSHIP");

        for (String token : new String[] { TestTokens.user("community-worker").communities("SQ208").token(),
                TestTokens.user("grid-worker").grids("SQ208-WG01").token(),
                TestTokens.user("unit-liaison").units("DW208").token() }) {
            Api.as(token).get("/api/v1/alerts?cadreId=" + outside).then().statusCode(403)
                    .contentType("application/problem+json");
            Api.as(token).get("/api/v1/alerts?cadreId=" + outside + "&status=OPEN&kind=HARDSHIP").then()
                    .statusCode(403);
            Api.as(token).get("/api/v1/alerts?cadreId=" + inside).then().statusCode(200)
                    .body("items.id", contains(mine.toString()));
        }
        // No scope claims: every cadre is outside the scope.
        Api.as(TestTokens.user("community-worker").token()).get("/api/v1/alerts?cadreId=" + inside).then()
                .statusCode(403);
        Api.admin().get("/api/v1/alerts?cadreId=" + outside).then().statusCode(200).body("total", equalTo(1));
        // A cadre id alert-service has no profile of has no alerts anyone could see: an empty page (documented).
        Api.as(TestTokens.user("community-worker").communities("SQ208").token())
                .get("/api/v1/alerts?cadreId=" + UUID.randomUUID()).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void updatedSinceReturnsOnlyAlertsChangedSinceThenOldestChangeFirst() {
        UUID cadre = Fixtures.knownCadre("SQ204", "SQ204-WG01", "DW204");
        UUID first = Api.report(cadre, "HOSPITALISATION");
        UUID second = Api.report(cadre, "NEIGHBOUR_DISPUTE");
        String since = Api.admin().get("/api/v1/alerts/" + second).then().extract().path("updatedAt");
        Instant after = Instant.parse(since).plusMillis(1);

        Api.admin().post("/api/v1/alerts/" + first + "/acknowledge").then().statusCode(200);

        Api.admin().get("/api/v1/alerts?cadreId=" + cadre + "&updatedSince=" + after).then().statusCode(200)
                .body("items.id", contains(first.toString()))
                .body("items[0].status", equalTo("ACKNOWLEDGED"));
        Api.admin().get("/api/v1/alerts?cadreId=" + cadre + "&updatedSince=" + since).then()
                .body("items.id", contains(second.toString(), first.toString()));
    }

    @Test
    void aWorkerAcknowledgesTheBureauResolvesByHandAndTheResolutionIsRecordedAndAnnounced() {
        UUID cadre = Fixtures.knownCadre("SQ205", "SQ205-WG01", "DW205");
        UUID alert = Api.report(cadre, "FAMILY_CONFLICT");
        String worker = TestTokens.user("community-worker").communities("SQ205").token();

        Api.as(worker).body(Map.of("note", "已知悉，明天上门")).post("/api/v1/alerts/" + alert + "/acknowledge").then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("community-worker"));
        Api.as(worker).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        Api.as(worker).body(Map.of("reason", "DUPLICATE_REPORT", "note", "矛盾已调解")).post("/api/v1/alerts/" + alert
                + "/resolve").then().statusCode(403);
        Api.admin().body(Map.of()).post("/api/v1/alerts/" + alert + "/resolve").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("reason", "note"));
        Api.admin().body(Map.of("reason", "REPORTED_IN_ERROR", "note", "矛盾已调解")).post("/api/v1/alerts/" + alert
                + "/resolve").then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("MANUAL"))
                .body("reason", equalTo("REPORTED_IN_ERROR 情况不属实：矛盾已调解"))
                .body("resolvedBy", equalTo("district-admin"))
                .body("history.action", contains("RAISED", "ACKNOWLEDGED", "RESOLVED"));
        Api.admin().body(Map.of("reason", "DUPLICATE_REPORT", "note", "重复提交")).post("/api/v1/alerts/" + alert
                + "/resolve").then().statusCode(200).body("reason", equalTo("REPORTED_IN_ERROR 情况不属实：矛盾已调解"));
        Api.as(worker).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(409);

        JsonNode resolved = Fixtures.alertEvents("AlertResolved", alert, 1).get(0);
        assertEquals("MANUAL", resolved.get("resolution").asText());
        assertEquals("REPORTED_IN_ERROR 情况不属实：矛盾已调解", resolved.get("reason").asText());
        assertEquals(0, resolved.get("level").asInt());

        UUID next = Api.report(cadre, "FAMILY_CONFLICT");
        org.junit.jupiter.api.Assertions.assertNotEquals(alert, next, "a resolved alert is not joined");
        Fixtures.alertEvents("AlertRaised", next, 1);
        assertEquals(1, Fixtures.alertEvents("AlertResolved", alert, 1).size());
        Api.admin().get("/api/v1/alerts?cadreId=" + cadre).then()
                .body("items.status", containsInAnyOrder("OPEN", "RESOLVED"));
    }
}
