package shouwang.visit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * Every date and instant visit-service reads, in a query or a body: beyond the years PostgreSQL and the clients hold
 * (1..9999) it is a 400 naming the field, and at the very edges of that range it is never a 500.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class DateRangeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final List<String> BAD_DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01",
            "0000-12-31", "-0001-01-01");
    private static final List<String> BAD_INSTANTS = List.of("+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z");

    private static String admin() {
        return TestTokens.districtAdmin();
    }

    private static ValidatableResponse get(String path, String parameter, String value) {
        return given().auth().oauth2(admin()).queryParam(parameter, value).get(path).then();
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static Map<String, Object> visit(UUID cadreId, String visitedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("cadreId", cadreId);
        body.put("visitedAt", visitedAt);
        body.put("channel", "PHONE");
        body.put("layer", "COMMUNITY");
        return body;
    }

    private static String emergencyCampaign() {
        return post("/api/v1/campaigns", Map.of("type", "EMERGENCY_DAILY", "communityCodes", List.of("SQ001"),
                "startOn", "2026-01-01", "endOn", "2026-01-02")).statusCode(201).extract().path("id");
    }

    @Test
    void aQueryDateOrInstantBeyondTheYearsPostgresHoldsIsRefusedNamingTheParameter() {
        String campaign = emergencyCampaign();
        for (String date : BAD_DATES) {
            get("/api/v1/coverage", "on", date).statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("on"));
            get("/api/v1/campaigns/" + campaign + "/coverage", "on", date).statusCode(400)
                    .body("violations[0].field", equalTo("on"));
            get("/api/v1/campaigns/" + campaign + "/tasks", "dueBy", date).statusCode(400)
                    .body("violations[0].field", equalTo("dueBy"));
        }
        for (String instant : BAD_INSTANTS) {
            for (String parameter : List.of("from", "to", "updatedSince")) {
                get("/api/v1/visits", parameter, instant).statusCode(400).contentType(PROBLEM)
                        .body("violations[0].field", equalTo(parameter));
            }
            get("/api/v1/tasks", "updatedSince", instant).statusCode(400).body("violations[0].field",
                    equalTo("updatedSince"));
            get("/api/v1/issues", "updatedSince", instant).statusCode(400).body("violations[0].field",
                    equalTo("updatedSince"));
            get("/api/v1/campaigns/" + campaign + "/tasks", "updatedSince", instant).statusCode(400)
                    .body("violations[0].field", equalTo("updatedSince"));
        }
    }

    @Test
    void theFirstAndLastDayPostgresHoldsAreAnsweredNotAFault() {
        String campaign = emergencyCampaign();
        for (String date : List.of("0001-01-01", "9999-12-31")) {
            get("/api/v1/coverage", "on", date).statusCode(200).body("on", equalTo(date));
            // a day outside the campaign is the campaign's own 400
            get("/api/v1/campaigns/" + campaign + "/coverage", "on", date).statusCode(400)
                    .body("violations[0].field", equalTo("on"));
            get("/api/v1/campaigns/" + campaign + "/tasks", "dueBy", date).statusCode(200);
        }
        for (String instant : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            get("/api/v1/visits", "from", instant).statusCode(200);
            get("/api/v1/visits", "to", instant).statusCode(200);
            get("/api/v1/tasks", "updatedSince", instant).statusCode(200);
            get("/api/v1/issues", "updatedSince", instant).statusCode(200);
        }
    }

    @Test
    void aVisitDateFarInTheFutureOrPastIsRefusedNamingTheField() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        for (String visitedAt : BAD_INSTANTS) {
            post("/api/v1/visits", visit(cadreId, visitedAt)).statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("visitedAt"));
        }
        for (String visitedAt : List.of("", "2026-11-22", "1767225600")) {
            post("/api/v1/visits", visit(cadreId, visitedAt)).statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("visitedAt"));
        }
        Map<String, Object> asNumber = visit(cadreId, null);
        asNumber.put("visitedAt", 1767225600);
        post("/api/v1/visits", asNumber).statusCode(400).body("violations[0].field", equalTo("visitedAt"));
        // in range but in the future: the service's own rule
        post("/api/v1/visits", visit(cadreId, "9999-12-31T23:59:59Z")).statusCode(400)
                .body("violations[0].field", equalTo("visitedAt"));

        for (String deadline : BAD_DATES) {
            Map<String, Object> body = visit(cadreId, Instant.now().minusSeconds(60).toString());
            body.put("needs", List.of(Map.of("description", "扶手", "deadline", deadline)));
            post("/api/v1/visits", body).statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("needs")))
                    .body("violations[0].field", org.hamcrest.Matchers.endsWith("deadline"));
        }
        Map<String, Object> lastDay = visit(cadreId, Instant.now().minusSeconds(60).toString());
        lastDay.put("needs", List.of(Map.of("description", "扶手", "deadline", "9999-12-31")));
        post("/api/v1/visits", lastDay).statusCode(201);
    }

    @Test
    void aVisitOnTheFirstDayPostgresHoldsIsStoredAsSent() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        for (String visitedAt : List.of("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00")) {
            String id = post("/api/v1/visits", visit(cadreId, visitedAt)).statusCode(201).extract().path("id");
            String stored = given().auth().oauth2(admin()).get("/api/v1/visits/" + id).then().statusCode(200)
                    .extract().path("visitedAt");
            org.junit.jupiter.api.Assertions.assertEquals(java.time.OffsetDateTime.parse(visitedAt).toInstant(),
                    Instant.parse(stored), visitedAt);
        }
        given().auth().oauth2(admin()).queryParam("communityCode", "SQ001").get("/api/v1/coverage").then()
                .statusCode(200);
    }

    @Test
    void aCampaignDateBeyondTheYearsPostgresHoldsIsRefusedNamingTheField() {
        for (String date : BAD_DATES) {
            post("/api/v1/campaigns", Map.of("type", "EMERGENCY_DAILY", "communityCodes", List.of("SQ001"),
                    "startOn", date, "endOn", "2026-01-02")).statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("startOn"));
            post("/api/v1/campaigns", Map.of("type", "BIRTHDAY_80", "communityCodes", List.of("SQ001"),
                    "startOn", "2026-01-01", "endOn", date)).statusCode(400)
                    .body("violations[0].field", equalTo("endOn"));
        }
        // the edges are answered, never a fault; a cadre whose birthday falls in the last December greeted in it
        Profiles.registered(Profiles.born(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"),
                java.time.LocalDate.of(1950, 12, 15)));
        String lastRound = post("/api/v1/campaigns", Map.of("type", "BIRTHDAY_80", "communityCodes", List.of("SQ001"),
                "startOn", "9999-12-01", "endOn", "9999-12-31")).statusCode(201)
                .body("tasks", org.hamcrest.Matchers.greaterThan(0)).extract().path("id");
        given().auth().oauth2(admin()).get("/api/v1/campaigns/" + lastRound + "/tasks").then().statusCode(200)
                .body("items.dueOn", hasItem("9999-12-15"));
        given().auth().oauth2(admin()).get("/api/v1/campaigns/" + lastRound + "/coverage").then().statusCode(200);
        for (String[] span : new String[][] { { "0001-01-01", "0001-01-31" }, { "9999-12-01", "9999-12-31" } }) {
            for (String type : List.of("EMERGENCY_DAILY", "BIRTHDAY_80")) {
                int status = post("/api/v1/campaigns", Map.of("type", type, "communityCodes", List.of("SQ001"),
                        "startOn", span[0], "endOn", span[1])).extract().statusCode();
                org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 400,
                        type + " " + span[0] + ".." + span[1] + " answered " + status);
            }
        }
    }
}
