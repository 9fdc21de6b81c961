package shouwang.volunteer.org;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        QuarkusTransaction.requiringNew().run(() -> OrgRecord.delete("kind", "DISTRICT"));
    }

    static Map<String, Object> record(String kind, String code, String name, String parentCode, long version) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", kind);
        r.put("code", code);
        r.put("name", name);
        r.put("parentCode", parentCode);
        r.put("active", true);
        r.put("version", version);
        r.put("updatedAt", Instant.now().toString());
        r.put("people", List.of(Map.of("role", "LEADER", "name", "钱局长", "phone", "13905310011")));
        return r;
    }

    /** Publishes the record as registry does and waits until the read model holds that version. */
    static void applied(Map<String, Object> record) {
        TopicProbe.publish("org-records", record.get("kind") + ":" + record.get("code"), "OrgRecordChanged", record);
        long version = ((Number) record.get("version")).longValue();
        OrgRecord.Key key = new OrgRecord.Key((String) record.get("kind"), (String) record.get("code"));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            OrgRecord held = OrgRecord.findById(key);
            return held != null && held.version >= version;
        }));
    }

    /** Two districts, one street each, one community per street. */
    static void city() {
        applied(record("DISTRICT", "QV01", "黄州区", null, 1));
        applied(record("DISTRICT", "QV02", "团风县", null, 1));
        applied(record("STREET", "QVJD01", "一街道", "QV01", 3));
        applied(record("STREET", "QVJD02", "二街道", "QV02", 3));
        applied(record("COMMUNITY", "QVSQ01", "一社区", "QVJD01", 1));
        applied(record("COMMUNITY", "QVSQ02", "二社区", "QVJD02", 1));
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
        applied(record("STREET", "QVJD09", "九街道", "QV01", 4));
        // an older version arriving late changes nothing
        String stale = TopicProbe.publish("org-records", "STREET:QVJD09", "OrgRecordChanged",
                record("STREET", "QVJD09", "九街道", "QV02", 2));
        Map<String, Object> noVersion = record("STREET", "QVJD09", "九街道", "QV02", 0);
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
