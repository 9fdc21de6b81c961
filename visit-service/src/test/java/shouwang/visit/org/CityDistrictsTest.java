package shouwang.visit.org;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.OrgRecords;
import shouwang.visit.Profiles;
import shouwang.visit.TestDb;

/**
 * A city deployment (issue 16): districts and streets placed in them arrive on org-records; a district admin then sees
 * only its districts' cadres, visits, tasks and coverage, the city admin all of them, by district.
 * The DISTRICT records are removed after each test: once one is held, a district-admin token naming no district sees
 * nothing, and the other suites' one-district admin must keep seeing everything.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CityDistrictsTest {

    static final String CITY = TestTokens.user("city-admin").token();
    static final String QX01 = TestTokens.user("district-admin").districts("QX01").token();
    static final String QX02 = TestTokens.user("district-admin").districts("QX02").token();

    @AfterEach
    void backToOneDistrict() {
        TestDb.update("delete from org_record where kind = 'DISTRICT'");
    }

    /** Two districts, one street each, one community per street. */
    static void city() {
        OrgRecords.applied(OrgRecords.record("DISTRICT", "QX01", "黄州区", null, 1,
                List.of(OrgRecords.person("LEADER", "钱局长", "13905310011"))));
        OrgRecords.applied(OrgRecords.record("DISTRICT", "QX02", "团风县", null, 1, List.of()));
        OrgRecords.applied(OrgRecords.record("STREET", "QXJD01", "一街道", "QX01", 5, List.of()));
        OrgRecords.applied(OrgRecords.record("STREET", "QXJD02", "二街道", "QX02", 5, List.of()));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "QXSQ01", "一社区", "QXJD01", 1, List.of()));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "QXSQ02", "二社区", "QXJD02", 1, List.of()));
    }

    static String visit(UUID cadreId) {
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", Instant.now().minusSeconds(60).toString(),
                        "channel", "PHONE", "layer", "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(201).extract().path("id");
    }

    @Test
    void aDistrictAdminSeesItsDistrictOnlyAndTheCityAdminSeesBoth() {
        city();
        UUID one = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ01", "QXSQ01-WG01", "QXDW01"));
        UUID two = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ02", "QXSQ02-WG01", "QXDW02"));
        String visitOne = visit(one);
        String visitTwo = visit(two);

        // its own district: the cadre's visits, contacts, coverage
        given().auth().oauth2(QX01).queryParam("cadreId", one).get("/api/v1/visits").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(QX01).get("/api/v1/visits/" + visitOne).then().statusCode(200);
        given().auth().oauth2(QX01).queryParam("cadreId", one).get("/api/v1/contacts").then().statusCode(200);
        given().auth().oauth2(QX01).get("/api/v1/coverage").then().statusCode(200)
                .body("byCommunity", hasKey("QXSQ01")).body("byCommunity", not(hasKey("QXSQ02")));
        // the other district's cadre: 404 on its records, 403 on lists filtered on it or on its community
        given().auth().oauth2(QX01).get("/api/v1/visits/" + visitTwo).then().statusCode(404);
        given().auth().oauth2(QX01).queryParam("cadreId", two).get("/api/v1/contacts").then().statusCode(404);
        for (String list : List.of("/api/v1/visits", "/api/v1/tasks", "/api/v1/issues")) {
            given().auth().oauth2(QX01).queryParam("cadreId", two).get(list).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String list : List.of("/api/v1/visits", "/api/v1/coverage", "/api/v1/statistics/visits",
                "/api/v1/issues")) {
            given().auth().oauth2(QX01).queryParam("communityCode", "QXSQ02").get(list).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(QX01).get("/api/v1/visits").then().statusCode(200)
                .body("items.id", hasItem(visitOne)).body("items.id", not(hasItem(visitTwo)));
        given().auth().oauth2(QX01).get("/api/v1/tasks").then().statusCode(200);
        // the city admin sees both
        given().auth().oauth2(CITY).get("/api/v1/visits/" + visitTwo).then().statusCode(200);
        given().auth().oauth2(CITY).queryParam("cadreId", two).get("/api/v1/visits").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(QX02).get("/api/v1/visits/" + visitTwo).then().statusCode(200);
        given().auth().oauth2(QX02).get("/api/v1/visits/" + visitOne).then().statusCode(404);
    }

    @Test
    void cityViewsFilterAndBreakDownByDistrict() {
        city();
        Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ01", "QXSQ01-WG01", "QXDW01"));
        UUID oneMore = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ01", "QXSQ01-WG01", "QXDW01"));
        UUID two = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ02", "QXSQ02-WG01", "QXDW02"));
        visit(oneMore);
        visit(oneMore);
        visit(two);

        // coverage: the district's own cadres; the breakdown holds each district, the city total is their sum
        given().auth().oauth2(QX01).queryParam("districtCode", "QX01").get("/api/v1/coverage").then()
                .statusCode(200).body("districtCode", equalTo("QX01")).body("cadres", equalTo(2))
                .body("byDistrict.QX01.cadres", equalTo(2)).body("byDistrict", not(hasKey("QX02")));
        given().auth().oauth2(CITY).queryParam("districtCode", "QX02").get("/api/v1/coverage").then()
                .statusCode(200).body("cadres", equalTo(1)).body("byCommunity", not(hasKey("QXSQ01")));
        Map<String, Object> city = given().auth().oauth2(CITY).get("/api/v1/coverage").then().statusCode(200)
                .extract().path("byDistrict");
        assertThat(cadresOf(city, "QX01")).isEqualTo(2);
        assertThat(cadresOf(city, "QX02")).isEqualTo(1);
        int all = given().auth().oauth2(CITY).get("/api/v1/coverage").then().extract().path("cadres");
        assertThat(city.keySet().stream().mapToInt(d -> cadresOf(city, d)).sum()).isEqualTo(all);

        // visit statistics: the same filter and breakdown
        given().auth().oauth2(QX01).queryParam("districtCode", "QX01").get("/api/v1/statistics/visits").then()
                .statusCode(200).body("districtCode", equalTo("QX01")).body("totals.visits", equalTo(2))
                .body("byDistrict.districtCode", equalTo(List.of("QX01")))
                .body("byDistrict[0].districtName", equalTo("黄州区"));
        List<Map<String, Object>> byDistrict = given().auth().oauth2(CITY).get("/api/v1/statistics/visits").then()
                .statusCode(200).extract().path("byDistrict");
        int cityVisits = given().auth().oauth2(CITY).get("/api/v1/statistics/visits").then()
                .extract().path("totals.visits");
        assertThat(byDistrict.stream().mapToInt(d -> visitsOf(d)).sum()).isEqualTo(cityVisits);
        assertThat(byDistrict.stream().filter(d -> "QX02".equals(d.get("districtCode"))).map(this::visitsOf))
                .containsExactly(1);
        given().auth().oauth2(CITY).queryParam("districtCode", "QX02").get("/api/v1/statistics/visits").then()
                .statusCode(200).body("totals.visits", equalTo(1));

        // another district: 403; below district admin: 403; a malformed code: 400 naming it; unknown: empty
        for (String view : List.of("/api/v1/coverage", "/api/v1/statistics/visits")) {
            given().auth().oauth2(QX01).queryParam("districtCode", "QX02").get(view).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestTokens.user("community-worker").communities("QXSQ01").token())
                    .queryParam("districtCode", "QX01").get(view).then().statusCode(403);
            given().auth().oauth2(CITY).queryParam("districtCode", "QX 01;").get(view).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("districtCode"));
            given().auth().oauth2(CITY).queryParam("districtCode", "Q".repeat(51)).get(view).then().statusCode(400)
                    .body("violations.field", hasItem("districtCode"));
        }
        given().auth().oauth2(CITY).queryParam("districtCode", "QX99").get("/api/v1/coverage").then()
                .statusCode(200).body("cadres", equalTo(0));
    }

    @SuppressWarnings("unchecked")
    private static int cadresOf(Map<String, Object> byDistrict, String district) {
        return ((Number) ((Map<String, Object>) byDistrict.get(district)).get("cadres")).intValue();
    }

    @SuppressWarnings("unchecked")
    private int visitsOf(Map<String, Object> district) {
        return ((Number) ((Map<String, Object>) district.get("counts")).get("visits")).intValue();
    }

    @Test
    void aDistrictAdminNamingNoDistrictSeesEverythingUntilTheCityHasDistricts() {
        backToOneDistrict();
        String claimless = TestTokens.districtAdmin();
        UUID cadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ02", "QXSQ02-WG01", "QXDW02"));
        String visitId = visit(cadre);
        given().auth().oauth2(claimless).get("/api/v1/visits/" + visitId).then().statusCode(200);
        given().auth().oauth2(claimless).queryParam("districtCode", "QX02").get("/api/v1/coverage").then()
                .statusCode(200);

        city();
        // a city must say which district an admin runs: fail closed
        given().auth().oauth2(claimless).get("/api/v1/visits/" + visitId).then().statusCode(404);
        given().auth().oauth2(claimless).get("/api/v1/visits").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(claimless).get("/api/v1/coverage").then().statusCode(200).body("cadres", equalTo(0));
        given().auth().oauth2(claimless).queryParam("districtCode", "QX02").get("/api/v1/coverage").then()
                .statusCode(403);
    }

    @Test
    void aDistrictAdminsCampaignCoversItsDistrictsOnly() {
        city();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> emergency = Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(),
                "endOn", today.toString());
        String id = given().auth().oauth2(QX01).contentType(ContentType.JSON).body(emergency)
                .post("/api/v1/campaigns").then().statusCode(201)
                .body("communityCodes", equalTo(List.of("QXSQ01"))).extract().path("id");
        // not the other district's, which cannot read it either
        given().auth().oauth2(QX02).get("/api/v1/campaigns/" + id).then().statusCode(404);
        given().auth().oauth2(QX02).get("/api/v1/campaigns").then().statusCode(200).body("id", not(hasItem(id)));
        // a district admin names no community outside its districts, and cannot widen a campaign to the whole city
        given().auth().oauth2(QX01).contentType(ContentType.JSON)
                .body(Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(), "endOn", today.toString(),
                        "communityCodes", List.of("QXSQ02")))
                .post("/api/v1/campaigns").then().statusCode(403);
        given().auth().oauth2(QX01).contentType(ContentType.JSON).body(Map.of("communityCodes", List.of()))
                .put("/api/v1/campaigns/" + id + "/scope").then().statusCode(403);
        // the city admin's campaign naming no community is the whole city's
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(emergency).post("/api/v1/campaigns").then()
                .statusCode(201).body("communityCodes", equalTo(List.of()));
    }

    @Test
    void eventsAboutACadreNameItsDistrict() {
        city();
        UUID cadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ02", "QXSQ02-WG01", "QXDW02"));
        String visitId = visit(cadre);
        List<TopicProbe.Received> logged = TopicProbe.events("visits", "VisitLogged",
                d -> d.path("visitId").asText().equals(visitId), 1, Duration.ofSeconds(20));
        assertThat(logged.get(0).data().path("districtCode").asText()).isEqualTo("QX02");
        // a community no street places in a district: null
        UUID unplaced = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ77", "QXSQ77-WG01", "QXDW02"));
        String other = visit(unplaced);
        List<TopicProbe.Received> nullDistrict = TopicProbe.events("visits", "VisitLogged",
                d -> d.path("visitId").asText().equals(other), 1, Duration.ofSeconds(20));
        assertThat(nullDistrict.get(0).data().path("districtCode").isNull()).isTrue();
    }
}
