package shouwang.volunteer.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;
import shouwang.volunteer.OrgRecords;

/**
 * A city deployment (issue 16) in volunteer-service: districts and their streets arrive on org-records, and a
 * district admin's posts, service requests and activities are its districts' only. The DISTRICT records are removed
 * after each test, since once one is held a district admin naming no district sees nothing, and the other suites'
 * one-district admin must keep seeing everything.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CityDistrictsTest {

    static final String CITY = TestTokens.user("city-admin").token();
    static final String QV01 = TestTokens.user("district-admin").districts("QV01").token();

    @AfterEach
    void backToOneDistrict() {
        OrgRecords.forgetDistricts();
    }

    /** Two districts, one street each, one community per street. */
    static void city() {
        OrgRecords.applied(OrgRecords.record("DISTRICT", "QV01", "黄州区", null, 1));
        OrgRecords.applied(OrgRecords.record("DISTRICT", "QV02", "团风县", null, 1));
        OrgRecords.applied(OrgRecords.record("STREET", "QVJD01", "一街道", "QV01", 3));
        OrgRecords.applied(OrgRecords.record("STREET", "QVJD02", "二街道", "QV02", 3));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "QVSQ01", "一社区", "QVJD01", 1));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "QVSQ02", "二社区", "QVJD02", 1));
    }

    static String post(String community) {
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("title", "助老服务", "category", "ELDER_HELP", "communityCode", community, "capacity", 3))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
    }

    static String request(UUID cadre) {
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString(), "serviceType", "MEDICAL_ESCORT", "details", "陪同复查"))
                .post("/api/v1/service-requests").then().statusCode(201).extract().path("id");
    }

    static String activity(String community) {
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        return given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("title", "太极拳队", "kind", "TEAM", "communityCode", community, "capacity", 20,
                        "sessions", List.of(Map.of("startsAt", nextWeek.toString(),
                                "endsAt", nextWeek.plusSeconds(7200).toString(), "place", "广场"))))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    @Test
    void aDistrictAdminListsItsDistrictsPostsRequestsAndActivitiesOnly() {
        city();
        UUID mine = Fixtures.activeCadre("QVSQ01");
        UUID theirs = Fixtures.activeCadre("QVSQ02");
        Map<String, List<String>> rows = Map.of(
                "/posts", List.of(post("QVSQ01"), post("QVSQ02")),
                "/service-requests", List.of(request(mine), request(theirs)),
                "/activities", List.of(activity("QVSQ01"), activity("QVSQ02")));
        rows.forEach((list, ids) -> {
            given().auth().oauth2(QV01).queryParam("size", 500).get("/api/v1" + list).then().statusCode(200)
                    .body("items.id", hasItem(ids.get(0))).body("items.id", not(hasItem(ids.get(1))));
            given().auth().oauth2(QV01).get("/api/v1" + list + "/" + ids.get(0)).then().statusCode(200);
            given().auth().oauth2(QV01).get("/api/v1" + list + "/" + ids.get(1)).then().statusCode(404);
            given().auth().oauth2(QV01).queryParam("communityCode", "QVSQ02").get("/api/v1" + list).then()
                    .statusCode(403).contentType("application/problem+json");
            // the city admin sees both districts
            given().auth().oauth2(CITY).get("/api/v1" + list + "/" + ids.get(1)).then().statusCode(200);
        });
        // a change in the other district is outside the admin's scope too
        given().auth().oauth2(QV01).contentType(ContentType.JSON)
                .body(Map.of("title", "助老服务", "category", "ELDER_HELP", "communityCode", "QVSQ02", "capacity", 3))
                .post("/api/v1/posts").then().statusCode(403);
    }

    /** A verified service record of a new volunteer of the post's community, served on the day. */
    static void served(String community, String phone, String day, String... hours) {
        String postId = post(community);
        String volunteer = given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "志愿者", "phone", phone)).post("/api/v1/posts/" + postId + "/claims")
                .then().statusCode(201).extract().path("volunteerId");
        for (String given : hours) {
            String record = given().auth().oauth2(CITY).contentType(ContentType.JSON)
                    .body(Map.of("volunteerId", volunteer, "postId", postId, "servedOn", day, "hours", given))
                    .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
            given().auth().oauth2(CITY).post("/api/v1/service-records/" + record + "/verify").then().statusCode(200);
        }
    }

    @Test
    void serviceStatisticsByDistrictAddUpToTheCitysAndADistrictAdminAsksOnlyForItsOwn() {
        city();
        String day = "2025-03-07"; // a day no other test serves on: the suites share one database
        served("QVSQ01", "13600000701", day, "2", "3");
        served("QVSQ02", "13600000702", day, "1.5");
        var city = given().auth().oauth2(CITY).queryParam("from", day).queryParam("to", day)
                .get("/api/v1/statistics/service").then().statusCode(200).extract().jsonPath();
        assertEquals(3, city.getInt("allServices.records"));
        assertEquals(List.of("QV01", "QV02"), city.getList("byDistrict.districtCode"));
        assertEquals(List.of("黄州区", "团风县"), city.getList("byDistrict.districtName"));
        assertEquals(List.of(2, 1), city.getList("byDistrict.total.records"));
        assertEquals(List.of(5.0f, 1.5f), city.getList("byDistrict.total.hours"));
        assertEquals(List.of(1, 1), city.getList("byDistrict.total.volunteers"));

        given().auth().oauth2(QV01).queryParam("from", day).queryParam("to", day).queryParam("districtCode", "QV01")
                .get("/api/v1/statistics/service").then().statusCode(200).body("allServices.records", equalTo(2))
                .body("byDistrict.districtCode", equalTo(List.of("QV01")));
        given().auth().oauth2(CITY).queryParam("from", day).queryParam("to", day).queryParam("districtCode", "QV02")
                .get("/api/v1/statistics/service").then().statusCode(200).body("allServices.records", equalTo(1));
        // its token scopes a district admin to its district even without the filter
        given().auth().oauth2(QV01).queryParam("from", day).queryParam("to", day)
                .get("/api/v1/statistics/service").then().statusCode(200).body("allServices.records", equalTo(2));
        given().auth().oauth2(QV01).queryParam("districtCode", "QV02").get("/api/v1/statistics/service").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(CITY).queryParam("districtCode", "QV 02").get("/api/v1/statistics/service").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("districtCode"));
    }

    @Test
    void aDistrictAdminNamingNoDistrictSeesEverythingUntilTheCityHasDistricts() {
        backToOneDistrict();
        String claimless = TestTokens.districtAdmin();
        String post = post("QVSQ02");
        given().auth().oauth2(claimless).get("/api/v1/posts/" + post).then().statusCode(200);
        city();
        given().auth().oauth2(claimless).get("/api/v1/posts/" + post).then().statusCode(404);
        given().auth().oauth2(claimless).get("/api/v1/posts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eventsPlacedInACommunityNameItsDistrict() {
        city();
        UUID cadre = Fixtures.activeCadre("QVSQ02");
        String requestId = request(cadre);
        assertEquals("QV02", Fixtures.awaitEvent("ServiceRequested", "requestId", requestId).data()
                .path("districtCode").asText());
        String postId = post("QVSQ01");
        assertEquals("QV01", Fixtures.awaitEvent("PostPublished", "postId", postId).data().path("districtCode")
                .asText());
        // a community no street places in a district: null
        String unplaced = post("QVSQ77");
        assertTrue(Fixtures.awaitEvent("PostPublished", "postId", unplaced).data().path("districtCode").isNull());
    }

    @Test
    void aNewerVersionWinsAndAnOrgRecordWithoutVersionIsDeadLettered() {
        OrgRecords.applied(OrgRecords.record("STREET", "QVJD09", "九街道", "QV01", 4));
        // an older version arriving late changes nothing
        String stale = TopicProbe.publish("org-records", "STREET:QVJD09", "OrgRecordChanged",
                OrgRecords.record("STREET", "QVJD09", "九街道", "QV02", 2));
        Map<String, Object> noVersion = OrgRecords.record("STREET", "QVJD09", "九街道", "QV02", 0);
        noVersion.remove("version");
        String poison = TopicProbe.publish("org-records", "STREET:QVJD09", "OrgRecordChanged", noVersion);
        assertFalse(TopicProbe.received("org-records.dlq", r -> poison.equals(r.id()), 1, Duration.ofSeconds(20))
                .isEmpty());
        Fixtures.awaitConsumed(stale);
        OrgRecord held = QuarkusTransaction.requiringNew()
                .call(() -> OrgRecord.findById(new OrgRecord.Key("STREET", "QVJD09")));
        assertEquals("QV01", held.parentCode);
        assertEquals(4, held.version);
    }
}
