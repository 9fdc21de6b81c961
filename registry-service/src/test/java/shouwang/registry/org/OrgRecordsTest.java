package shouwang.registry.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/** Streets, the bureau, editing with versions, deactivation, client ids, people, and their org-records events. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class OrgRecordsTest {

    private static final String ADMIN = TestTokens.districtAdmin();

    private final String p = TestData.prefix();

    private static Map<String, Object> person(String role, String name, String phone) {
        return Map.of("role", role, "name", name, "phone", phone);
    }

    private static io.restassured.response.Response post(String path, Object body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/org/" + path);
    }

    private static io.restassured.response.Response put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/org/" + path);
    }

    /** Streets JD1 (SQ1, SQ2) and JD2 (SQ3), a unit and a grid of SQ1. */
    private void district() {
        post("streets", Map.of("code", p + "-JD1", "name", "东城街道")).then().statusCode(201);
        post("streets", Map.of("code", p + "-JD2", "name", "西城街道")).then().statusCode(201);
        post("units", Map.of("code", p + "-DW", "name", "区财政局")).then().statusCode(201);
        post("communities", Map.of("code", p + "-SQ1", "name", "幸福里社区", "streetCode", p + "-JD1")).then().statusCode(201);
        post("communities", Map.of("code", p + "-SQ2", "name", "和平社区", "streetCode", p + "-JD1")).then().statusCode(201);
        post("communities", Map.of("code", p + "-SQ3", "name", "光明社区", "streetCode", p + "-JD2")).then().statusCode(201);
        post("grids", Map.of("code", p + "-SQ1-WG1", "name", "一网格", "communityCode", p + "-SQ1")).then().statusCode(201);
    }

    private Map<String, Object> cadreIn(String community, String grid) {
        Map<String, Object> body = TestData.cadre(p, "王建国", LocalDate.of(1940, 3, 5), true);
        body.put("communityCode", community);
        body.put("gridCode", grid);
        return body;
    }

    @Test
    void aCommunityNamesItsStreetByCodeAndTheStreetNameIsDerived() {
        district();
        given().auth().oauth2(ADMIN).get("/api/v1/org/communities/" + p + "-SQ3").then().statusCode(200)
                .body("streetCode", equalTo(p + "-JD2")).body("streetName", equalTo("西城街道"))
                .body("version", equalTo(1)).body("active", equalTo(true));
        given().auth().oauth2(ADMIN).queryParam("streetCode", p + "-JD1").get("/api/v1/org/communities").then()
                .statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(ADMIN).queryParam("size", 500).get("/api/v1/org/streets").then().statusCode(200)
                .body("items.code", hasItem(p + "-JD1")).body("items.code", hasItem(p + "-JD2"));
        post("communities", Map.of("code", p + "-SQX", "name", "无名社区", "streetCode", "NO-SUCH")).then()
                .statusCode(400).body("violations[0].field", equalTo("streetCode"));

        // renaming the street renames it on its communities
        put(ADMIN, "streets/" + p + "-JD2", Map.of("name", "西城新街道", "version", 1)).then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(ADMIN).get("/api/v1/org/communities/" + p + "-SQ3").then()
                .body("streetName", equalTo("西城新街道"));
    }

    @Test
    void anEditNeedsTheVersionItWasReadAtAndAStaleOneIsAConflict() {
        district();
        String path = "units/" + p + "-DW";
        put(ADMIN, path, Map.of("name", "区财政局（新）", "version", 1, "people",
                List.of(person("LEADER", "赵卫东", "13905310001"), person("DUTY_OFFICER", "钱敏", "0531-86001234"))))
                .then().statusCode(200).body("version", equalTo(2)).body("people[0].role", equalTo("LEADER"))
                .body("people[1].phone", equalTo("0531-86001234"));
        put(ADMIN, path, Map.of("name", "又一个名字", "version", 1)).then().statusCode(409)
                .contentType("application/problem+json");
        put(ADMIN, path, Map.of("name", "没有版本")).then().statusCode(400)
                .body("violations.field", hasItem("version"));
        put(ADMIN, path, Map.of("name", "坏电话", "version", 2, "people", List.of(person("LEADER", "赵卫东", "12345"))))
                .then().statusCode(400).body("violations[0].field", equalTo("people[0].phone"));
        // the same record again is no change: no new version
        put(ADMIN, path, Map.of("name", "区财政局（新）", "version", 2)).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(ADMIN).get("/api/v1/org/" + path).then().body("name", equalTo("区财政局（新）"))
                .body("people.name", hasItem("赵卫东"));
        put(ADMIN, "units/NOPE-" + p, Map.of("name", "x", "version", 1)).then().statusCode(404);
    }

    @Test
    void aRepeatedClientIdAnswersTheSameRecordAndAnotherCodeUnderItIsAConflict() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> street = Map.of("id", id, "code", p + "-JDC", "name", "南城街道");
        post("streets", street).then().statusCode(201).body("code", equalTo(p + "-JDC"));
        post("streets", street).then().statusCode(200).body("code", equalTo(p + "-JDC")).body("version", equalTo(1));
        post("streets", Map.of("id", id, "code", p + "-JDD", "name", "北城街道")).then().statusCode(409)
                .contentType("application/problem+json");
        post("streets", Map.of("code", p + "-JDC", "name", "南城街道")).then().statusCode(409);
        given().auth().oauth2(ADMIN).get("/api/v1/org/streets/" + p + "-JDD").then().statusCode(404);
    }

    @Test
    void aRecordStillInUseIsNotDeactivatedAndADeactivatedOneTakesNoNewCadres() {
        district();
        TestData.register(cadreIn(p + "-SQ1", p + "-SQ1-WG1"));
        put(ADMIN, "communities/" + p + "-SQ1", Map.of("name", "幸福里社区", "active", false, "version", 1)).then()
                .statusCode(409).contentType("application/problem+json");
        put(ADMIN, "streets/" + p + "-JD1", Map.of("name", "东城街道", "active", false, "version", 1)).then()
                .statusCode(409);
        put(ADMIN, "units/" + p + "-DW", Map.of("name", "区财政局", "active", false, "version", 1)).then()
                .statusCode(409);

        put(ADMIN, "communities/" + p + "-SQ2", Map.of("name", "和平社区", "active", false, "version", 1)).then()
                .statusCode(200).body("active", equalTo(false)).body("version", equalTo(2));
        given().auth().oauth2(ADMIN).queryParam("active", "false").queryParam("streetCode", p + "-JD1")
                .get("/api/v1/org/communities").then().body("items.code", equalTo(List.of(p + "-SQ2")));
        given().auth().oauth2(ADMIN).queryParam("active", "true").queryParam("streetCode", p + "-JD1")
                .get("/api/v1/org/communities").then().body("items.code", equalTo(List.of(p + "-SQ1")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(cadreIn(p + "-SQ2", null))
                .post("/api/v1/cadres").then().statusCode(400).body("violations.field", hasItem("communityCode"));
        post("grids", Map.of("code", p + "-SQ2-WG9", "name", "九网格", "communityCode", p + "-SQ2")).then()
                .statusCode(400).body("violations[0].field", equalTo("communityCode"));
        given().auth().oauth2(ADMIN).queryParam("active", "maybe").get("/api/v1/org/units").then().statusCode(400)
                .body("violations[0].field", equalTo("active"));
    }

    @Test
    void theBureauIsOneRecordWithItsPeople() {
        JsonNodeHolder bureau = new JsonNodeHolder(given().auth().oauth2(ADMIN).get("/api/v1/org/bureau").then()
                .statusCode(200).body("code", equalTo("QWLGJ")).extract().path("version"));
        int version = bureau.version;
        put(ADMIN, "bureau", Map.of("name", "区委老干部局", "version", version, "people",
                List.of(person("LEADER", "孙局长" + p, "13905319999")))).then().statusCode(200)
                .body("version", equalTo(version + 1)).body("people[0].name", equalTo("孙局长" + p));
        put(ADMIN, "bureau", Map.of("name", "区委老干部局", "active", false, "version", version + 1)).then()
                .statusCode(409);
        List<ConsumerRecord<String, String>> records = TopicProbe.await("org-records",
                r -> "BUREAU:QWLGJ".equals(r.key()) && r.value().contains("孙局长" + p), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
    }

    private record JsonNodeHolder(int version) {
    }

    @Test
    void everyChangeOfAnOrgRecordIsOnTheOrgRecordsTopicWithTheFullRecord() throws Exception {
        district();
        put(ADMIN, "communities/" + p + "-SQ1", Map.of("name", "幸福里社区", "version", 1, "people",
                List.of(person("LEADER", "赵卫东", "13905310001")))).then().statusCode(200);
        String key = "COMMUNITY:" + p + "-SQ1";
        List<ConsumerRecord<String, String>> records = TopicProbe.await("org-records", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(20));
        assertEquals(2, records.size());
        assertEquals("shouwang.OrgRecordChanged.v1", TopicProbe.header(records.get(1), "ce_type"));
        JsonNode data = TopicProbe.JSON.readTree(records.get(1).value());
        List<String> fields = new java.util.ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("kind", "code", "name", "parentCode", "active", "version", "updatedAt", "people"), fields);
        assertEquals("COMMUNITY", data.get("kind").asText());
        assertEquals(p + "-JD1", data.get("parentCode").asText());
        assertEquals(2, data.get("version").asInt());
        assertEquals("{\"role\":\"LEADER\",\"name\":\"赵卫东\",\"phone\":\"13905310001\"}",
                data.get("people").get(0).toString());
        JsonNode created = TopicProbe.JSON.readTree(records.get(0).value());
        assertEquals(1, created.get("version").asInt());
        JsonNode street = TopicProbe.JSON.readTree(TopicProbe.await("org-records",
                r -> ("STREET:" + p + "-JD1").equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
        assertEquals("STREET", street.get("kind").asText());
        assertEquals(true, street.get("parentCode").isNull());
    }

    @Test
    void theCadreProfileCarriesTheStreetCodeOfItsCommunity() throws Exception {
        district();
        String id = TestData.register(cadreIn(p + "-SQ1", p + "-SQ1-WG1"));
        JsonNode profile = TopicProbe.JSON.readTree(TopicProbe.await("cadre-profiles", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertEquals(p + "-JD1", profile.get("streetCode").asText());
        assertEquals("东城街道", profile.get("streetName").asText());
    }

    @Test
    void aStreetOfficerSeesTheCommunitiesOfItsStreetsAndEditsOnlyTheirPeople() {
        district();
        String inside = TestData.register(cadreIn(p + "-SQ1", p + "-SQ1-WG1"));
        String alsoInside = TestData.register(cadreIn(p + "-SQ2", null));
        String outside = TestData.register(cadreIn(p + "-SQ3", null));
        String officer = TestTokens.user("street-officer").streets(p + "-JD1").token();

        given().auth().oauth2(officer).queryParam("size", 200).get("/api/v1/cadres").then().statusCode(200)
                .body("items.id", hasItem(inside)).body("items.id", hasItem(alsoInside))
                .body("items.id", not(hasItem(outside)))
                .body("items.communityCode", everyItem(org.hamcrest.Matchers.oneOf(p + "-SQ1", p + "-SQ2")));
        given().auth().oauth2(officer).get("/api/v1/cadres/" + inside).then().statusCode(200);
        given().auth().oauth2(officer).get("/api/v1/cadres/" + outside).then().statusCode(404);
        given().auth().oauth2(officer).queryParam("communityCode", p + "-SQ3").get("/api/v1/cadres").then()
                .statusCode(403);
        given().auth().oauth2(officer).get("/api/v1/statistics/cadres").then().statusCode(200)
                .body("total", equalTo(2)).body("byCommunity." + p + "-SQ1", equalTo(1));
        given().auth().oauth2(officer).get("/api/v1/reports/high-age-subsidy").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(cadreIn(p + "-SQ1", null))
                .post("/api/v1/cadres").then().statusCode(403);

        put(officer, "streets/" + p + "-JD1", Map.of("name", "东城街道", "version", 1, "people",
                List.of(person("LEADER", "李主任", "13905310002")))).then().statusCode(200)
                .body("people[0].name", equalTo("李主任"));
        put(officer, "streets/" + p + "-JD1", Map.of("name", "改名街道", "version", 2)).then().statusCode(403);
        put(officer, "streets/" + p + "-JD2", Map.of("name", "西城街道", "version", 1, "people", List.of()))
                .then().statusCode(403);
        put(officer, "communities/" + p + "-SQ1", Map.of("name", "幸福里社区", "version", 1)).then().statusCode(403);
    }
}
