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

    @AfterEach
    void backToOneDistrict() {
        TestDb.update("delete from org_record where kind = 'DISTRICT'");
    }

    /**
     * Two districts, one street each, one community per street, under fresh codes: the tests share one database, so
     * each district holds only what its own test put there.
     */
    record City(String one, String two, String communityOne, String communityTwo, String adminOne, String adminTwo) {
    }

    static City city() {
        String n = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        City city = new City("QX1" + n, "QX2" + n, "QXSQ1" + n, "QXSQ2" + n,
                TestTokens.user("district-admin").districts("QX1" + n).token(),
                TestTokens.user("district-admin").districts("QX2" + n).token());
        OrgRecords.applied(OrgRecords.record("DISTRICT", city.one(), "黄州区", null, 1,
                List.of(OrgRecords.person("LEADER", "钱局长", "13905310011"))));
        OrgRecords.applied(OrgRecords.record("DISTRICT", city.two(), "团风县", null, 1, List.of()));
        OrgRecords.applied(OrgRecords.record("STREET", "QXJD1" + n, "一街道", city.one(), 1, List.of()));
        OrgRecords.applied(OrgRecords.record("STREET", "QXJD2" + n, "二街道", city.two(), 1, List.of()));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", city.communityOne(), "一社区", "QXJD1" + n, 1, List.of()));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", city.communityTwo(), "二社区", "QXJD2" + n, 1, List.of()));
        return city;
    }

    static UUID cadreIn(String community) {
        return Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG01", "QXDW01"));
    }

    static String visit(UUID cadreId) {
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", Instant.now().minusSeconds(60).toString(),
                        "channel", "PHONE", "layer", "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(201).extract().path("id");
    }

    @Test
    void aDistrictAdminSeesItsDistrictOnlyAndTheCityAdminSeesBoth() {
        City c = city();
        UUID one = cadreIn(c.communityOne());
        UUID two = cadreIn(c.communityTwo());
        String visitOne = visit(one);
        String visitTwo = visit(two);

        // its own district: the cadre's visits, contacts, coverage
        given().auth().oauth2(c.adminOne()).queryParam("cadreId", one).get("/api/v1/visits").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(c.adminOne()).get("/api/v1/visits/" + visitOne).then().statusCode(200);
        given().auth().oauth2(c.adminOne()).queryParam("cadreId", one).get("/api/v1/contacts").then().statusCode(200);
        given().auth().oauth2(c.adminOne()).get("/api/v1/coverage").then().statusCode(200)
                .body("byCommunity", hasKey(c.communityOne())).body("byCommunity", not(hasKey(c.communityTwo())));
        // the other district's cadre: 404 on its records, 403 on lists filtered on it or on its community
        given().auth().oauth2(c.adminOne()).get("/api/v1/visits/" + visitTwo).then().statusCode(404);
        given().auth().oauth2(c.adminOne()).queryParam("cadreId", two).get("/api/v1/contacts").then().statusCode(404);
        for (String list : List.of("/api/v1/visits", "/api/v1/tasks", "/api/v1/issues")) {
            given().auth().oauth2(c.adminOne()).queryParam("cadreId", two).get(list).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String list : List.of("/api/v1/visits", "/api/v1/coverage", "/api/v1/statistics/visits",
                "/api/v1/issues")) {
            given().auth().oauth2(c.adminOne()).queryParam("communityCode", c.communityTwo()).get(list).then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(c.adminOne()).get("/api/v1/visits").then().statusCode(200)
                .body("items.id", hasItem(visitOne)).body("items.id", not(hasItem(visitTwo)));
        given().auth().oauth2(c.adminOne()).get("/api/v1/tasks").then().statusCode(200);
        // the city admin sees both
        given().auth().oauth2(CITY).get("/api/v1/visits/" + visitTwo).then().statusCode(200);
        given().auth().oauth2(CITY).queryParam("cadreId", two).get("/api/v1/visits").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(c.adminTwo()).get("/api/v1/visits/" + visitTwo).then().statusCode(200);
        given().auth().oauth2(c.adminTwo()).get("/api/v1/visits/" + visitOne).then().statusCode(404);
    }

    @Test
    void cityViewsFilterAndBreakDownByDistrict() {
        City c = city();
        cadreIn(c.communityOne());
        UUID oneMore = cadreIn(c.communityOne());
        UUID two = cadreIn(c.communityTwo());
        visit(oneMore);
        visit(oneMore);
        visit(two);

        // coverage: the district's own cadres; the breakdown holds each district, the city total is their sum
        given().auth().oauth2(c.adminOne()).queryParam("districtCode", c.one()).get("/api/v1/coverage").then()
                .statusCode(200).body("districtCode", equalTo(c.one())).body("cadres", equalTo(2))
                .body("byDistrict." + c.one() + ".cadres", equalTo(2)).body("byDistrict", not(hasKey(c.two())));
        given().auth().oauth2(CITY).queryParam("districtCode", c.two()).get("/api/v1/coverage").then()
                .statusCode(200).body("cadres", equalTo(1)).body("byCommunity", not(hasKey(c.communityOne())));
        Map<String, Object> city = given().auth().oauth2(CITY).get("/api/v1/coverage").then().statusCode(200)
                .extract().path("byDistrict");
        assertThat(cadresOf(city, c.one())).isEqualTo(2);
        assertThat(cadresOf(city, c.two())).isEqualTo(1);
        int all = given().auth().oauth2(CITY).get("/api/v1/coverage").then().extract().path("cadres");
        assertThat(city.keySet().stream().mapToInt(d -> cadresOf(city, d)).sum()).isEqualTo(all);

        // visit statistics: the same filter and breakdown
        given().auth().oauth2(c.adminOne()).queryParam("districtCode", c.one()).get("/api/v1/statistics/visits").then()
                .statusCode(200).body("districtCode", equalTo(c.one())).body("totals.visits", equalTo(2))
                .body("byDistrict.districtCode", equalTo(List.of(c.one())))
                .body("byDistrict[0].districtName", equalTo("黄州区"));
        List<Map<String, Object>> byDistrict = given().auth().oauth2(CITY).get("/api/v1/statistics/visits").then()
                .statusCode(200).extract().path("byDistrict");
        int cityVisits = given().auth().oauth2(CITY).get("/api/v1/statistics/visits").then()
                .extract().path("totals.visits");
        assertThat(byDistrict.stream().mapToInt(d -> visitsOf(d)).sum()).isEqualTo(cityVisits);
        assertThat(byDistrict.stream().filter(d -> c.two().equals(d.get("districtCode"))).map(this::visitsOf))
                .containsExactly(1);
        given().auth().oauth2(CITY).queryParam("districtCode", c.two()).get("/api/v1/statistics/visits").then()
                .statusCode(200).body("totals.visits", equalTo(1));

        // another district: 403; below district admin: 403; a malformed code: 400 naming it; unknown: empty
        for (String view : List.of("/api/v1/coverage", "/api/v1/statistics/visits")) {
            given().auth().oauth2(c.adminOne()).queryParam("districtCode", c.two()).get(view).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestTokens.user("community-worker").communities(c.communityOne()).token())
                    .queryParam("districtCode", c.one()).get(view).then().statusCode(403);
            given().auth().oauth2(CITY).queryParam("districtCode", "QX 01;").get(view).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("districtCode"));
            given().auth().oauth2(CITY).queryParam("districtCode", "Q".repeat(51)).get(view).then().statusCode(400)
                    .body("violations.field", hasItem("districtCode"));
        }
        // a code no district has: said so, as registry and alert-service say it
        for (String view : List.of("/api/v1/coverage", "/api/v1/statistics/visits")) {
            given().auth().oauth2(CITY).queryParam("districtCode", "QX99").get(view).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("districtCode"));
        }
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
        String visitId = visit(cadreIn("QXSQ9" + UUID.randomUUID().toString().substring(0, 6)));
        given().auth().oauth2(claimless).get("/api/v1/visits/" + visitId).then().statusCode(200);
        // a one-district deployment has no districts to name
        given().auth().oauth2(claimless).queryParam("districtCode", "QX9").get("/api/v1/coverage").then()
                .statusCode(400);

        City c = city();
        // a city must say which district an admin runs: fail closed
        given().auth().oauth2(claimless).get("/api/v1/visits/" + visitId).then().statusCode(404);
        given().auth().oauth2(claimless).get("/api/v1/visits").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(claimless).get("/api/v1/coverage").then().statusCode(200).body("cadres", equalTo(0));
        given().auth().oauth2(claimless).queryParam("districtCode", c.two()).get("/api/v1/coverage").then()
                .statusCode(403);
    }

    @Test
    void aDistrictAdminsCampaignCoversItsDistrictsOnly() {
        City c = city();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> emergency = Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(),
                "endOn", today.toString());
        String id = given().auth().oauth2(c.adminOne()).contentType(ContentType.JSON).body(emergency)
                .post("/api/v1/campaigns").then().statusCode(201)
                .body("communityCodes", equalTo(List.of(c.communityOne()))).extract().path("id");
        // not the other district's, which cannot read it either
        given().auth().oauth2(c.adminTwo()).get("/api/v1/campaigns/" + id).then().statusCode(404);
        given().auth().oauth2(c.adminTwo()).get("/api/v1/campaigns").then().statusCode(200)
                .body("id", not(hasItem(id)));
        // a district admin names no community outside its districts, and cannot widen a campaign to the whole city
        given().auth().oauth2(c.adminOne()).contentType(ContentType.JSON)
                .body(Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(), "endOn", today.toString(),
                        "communityCodes", List.of(c.communityTwo())))
                .post("/api/v1/campaigns").then().statusCode(403);
        given().auth().oauth2(c.adminOne()).contentType(ContentType.JSON).body(Map.of("communityCodes", List.of()))
                .put("/api/v1/campaigns/" + id + "/scope").then().statusCode(403);
        // the city admin's campaign naming no community is the whole city's
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(emergency).post("/api/v1/campaigns").then()
                .statusCode(201).body("communityCodes", equalTo(List.of()));
    }

    @Test
    void eventsAboutACadreNameItsDistrict() {
        City c = city();
        UUID cadre = cadreIn(c.communityTwo());
        String visitId = visit(cadre);
        List<TopicProbe.Received> logged = TopicProbe.events("visits", "VisitLogged",
                d -> d.path("visitId").asText().equals(visitId), 1, Duration.ofSeconds(20));
        assertThat(logged.get(0).data().path("districtCode").asText()).isEqualTo(c.two());
        // a community no street places in a district: null
        UUID unplaced = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "QXSQ77", "QXSQ77-WG01", "QXDW02"));
        String other = visit(unplaced);
        List<TopicProbe.Received> nullDistrict = TopicProbe.events("visits", "VisitLogged",
                d -> d.path("visitId").asText().equals(other), 1, Duration.ofSeconds(20));
        assertThat(nullDistrict.get(0).data().path("districtCode").isNull()).isTrue();
    }

    @Test
    void aTaskOfTheOtherDistrictIsNotTheDistrictAdminsAndItsEventsNameTheDistrict() {
        City c = city();
        UUID cadre = cadreIn(c.communityTwo());
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadre.toString(), "MustVisitRequired", Map.of("alertId", alertId.toString(),
                "cadreId", cadre.toString(), "kind", "HOSPITALISATION", "level", 0,
                "deadline", Instant.now().plus(Duration.ofHours(24)).toString(),
                "layers", List.of(Map.of("layer", "COMMUNITY", "orgCode", c.communityTwo())), "notify", List.of()));
        List<TopicProbe.Received> created = TopicProbe.events("visits", "MustVisitTaskCreated",
                d -> d.path("alertId").asText().equals(alertId.toString()), 1, Duration.ofSeconds(20));
        assertThat(created).hasSize(1);
        assertThat(created.get(0).data().path("districtCode").asText()).isEqualTo(c.two());
        String taskId = created.get(0).data().path("taskId").asText();

        given().auth().oauth2(c.adminTwo()).get("/api/v1/tasks/" + taskId).then().statusCode(200);
        given().auth().oauth2(c.adminTwo()).queryParam("size", 500).get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", hasItem(taskId));
        given().auth().oauth2(c.adminOne()).get("/api/v1/tasks/" + taskId).then().statusCode(404);
        given().auth().oauth2(c.adminOne()).queryParam("size", 500).get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", not(hasItem(taskId)));
        given().auth().oauth2(CITY).get("/api/v1/tasks/" + taskId).then().statusCode(200);
        // the bureau's worklist of a district (level 3 is named by the district code) is its admin's, not another's
        given().auth().oauth2(c.adminOne()).queryParam("layer", "BUREAU").queryParam("orgCode", c.one())
                .get("/api/v1/tasks").then().statusCode(200);
        given().auth().oauth2(c.adminOne()).queryParam("layer", "BUREAU").queryParam("orgCode", c.two())
                .get("/api/v1/tasks").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("street-officer").streets("QXJD9").token())
                .queryParam("layer", "BUREAU").queryParam("orgCode", c.one()).get("/api/v1/tasks").then()
                .statusCode(403);
    }
}
