package shouwang.registry.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.CityProfile;
import shouwang.registry.GeneratedCadres;
import shouwang.registry.TestData;

/**
 * One deployment for a city (issue 16), told as its upgrade: a one-district registry (streets in no district, the
 * claimless district-admin sees everything) becomes a city when the city admin creates districts QX01 and QX02 and
 * moves each street into one; from then on each district's admin sees and changes only its own, the claimless token
 * nothing, and the city everything. The methods run in order, on one application of their own (CityProfile).
 */
@QuarkusTest
@TestProfile(CityProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityDeploymentTest {

    static final String P = "CY";
    static final String SQ1 = P + "-SQ1";
    static final String SQ2 = P + "-SQ2";
    static final String QX01 = "QX01";
    static final String QX02 = "QX02";
    static final LocalDate SEED_DAY = LocalDate.of(2019, 12, 31);

    static final String CLAIMLESS = TestTokens.districtAdmin();
    static final String CITY = TestTokens.user("city-admin").token();
    static final String ADMIN_1 = TestTokens.named("admin-qx01").roles("district-admin").districts(QX01).token();
    static final String ADMIN_2 = TestTokens.named("admin-qx02").roles("district-admin").districts(QX02).token();

    static String inOne;
    static String inTwo;
    static String mover;

    @Test
    @Order(1)
    void aOneDistrictDeploymentShowsTheClaimlessAdminEverything() {
        TestData.org(P);
        inOne = cadre("王建国", SQ1);
        inTwo = cadre("陈志强", SQ2);
        mover = cadre("李淑芬", SQ1);
        String csv = GeneratedCadres.csv(GeneratedCadres.Marginals.SEED, SEED_DAY, P + "-DW", "320106", SQ1, SQ2);
        JsonPath status = TestData.importAndWait(CLAIMLESS, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1687, status.getInt("accepted"), status.prettify());

        given().auth().oauth2(CLAIMLESS).get("/api/v1/cadres/" + inTwo).then().statusCode(200);
        given().auth().oauth2(CLAIMLESS).get("/api/v1/org/districts").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(CLAIMLESS).get("/api/v1/org/streets/" + P + "-JD1").then().statusCode(200)
                .body("districtCode", nullValue());
    }

    @Test
    @Order(2)
    void onlyTheCityCreatesDistrictsAndMovesTheStreetsIntoThem() throws Exception {
        Map<String, Object> qx01 = Map.of("code", QX01, "name", "黄州区", "people",
                List.of(Map.of("role", "LEADER", "name", "周局长", "phone", "13907130001")));
        given().auth().oauth2(CLAIMLESS).contentType(ContentType.JSON).body(qx01).post("/api/v1/org/districts").then()
                .statusCode(403);
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(qx01).post("/api/v1/org/districts").then()
                .statusCode(201).body("code", equalTo(QX01)).body("people[0].name", equalTo("周局长"));
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("code", QX02, "name", "团风县"))
                .post("/api/v1/org/districts").then().statusCode(201);
        moveStreet(P + "-JD1", QX01);
        moveStreet(P + "-JD2", QX02);

        // the district's creation, the street's creation (version 1) and its move into the district (version 2)
        List<ConsumerRecord<String, String>> records = TopicProbe.await("org-records",
                r -> ("STREET:" + P + "-JD1").equals(r.key()) || ("DISTRICT:" + QX01).equals(r.key()), 3,
                Duration.ofSeconds(30));
        JsonNode district = null;
        JsonNode street = null;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = TopicProbe.JSON.readTree(record.value());
            if (record.key().startsWith("DISTRICT:")) {
                district = data;
            } else if (data.get("version").asInt() == 2) {
                street = data;
            }
        }
        assertEquals("DISTRICT", district.get("kind").asText());
        assertTrue(district.get("parentCode").isNull());
        assertEquals("周局长", district.get("people").get(0).get("name").asText());
        assertEquals(QX01, street.get("parentCode").asText());
    }

    @Test
    @Order(3)
    void eachDistrictAdminSeesItsOwnDistrictTheCityBothTheClaimlessNothing() {
        int one = given().auth().oauth2(ADMIN_1).queryParam("size", 500).get("/api/v1/cadres").then().statusCode(200)
                .body("items.communityCode", everyItem(equalTo(SQ1))).extract().path("total");
        int two = given().auth().oauth2(ADMIN_2).queryParam("size", 500).get("/api/v1/cadres").then().statusCode(200)
                .body("items.communityCode", everyItem(equalTo(SQ2))).extract().path("total");
        given().auth().oauth2(CITY).get("/api/v1/cadres").then().statusCode(200).body("total", equalTo(one + two));
        assertEquals(844 + 2, one);
        given().auth().oauth2(ADMIN_1).get("/api/v1/cadres/" + inOne).then().statusCode(200)
                .body("idNumber", not(nullValue()));
        given().auth().oauth2(ADMIN_1).get("/api/v1/cadres/" + inTwo).then().statusCode(404);
        given().auth().oauth2(ADMIN_1).queryParam("communityCode", SQ2).get("/api/v1/cadres").then().statusCode(403);
        given().auth().oauth2(ADMIN_2).get("/api/v1/cadres/" + inTwo).then().statusCode(200);
        given().auth().oauth2(ADMIN_2).get("/api/v1/cadres/" + inOne).then().statusCode(404);

        given().auth().oauth2(CITY).get("/api/v1/cadres/" + inOne).then().statusCode(200);
        given().auth().oauth2(CITY).get("/api/v1/cadres/" + inTwo).then().statusCode(200);
        given().auth().oauth2(CITY).queryParam("communityCode", SQ2).get("/api/v1/cadres").then().statusCode(200);

        // a city's district-admin must name its districts: one that names none sees nothing (fail closed)
        given().auth().oauth2(CLAIMLESS).get("/api/v1/cadres/" + inOne).then().statusCode(404);
        given().auth().oauth2(CLAIMLESS).get("/api/v1/cadres").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(CLAIMLESS).get("/api/v1/org/districts").then().statusCode(200).body("total", equalTo(0));

        given().auth().oauth2(ADMIN_1).queryParam("month", "2026-03").get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(200).body("items.communityCode", everyItem(equalTo(SQ1)));
        given().auth().oauth2(ADMIN_1).get("/api/v1/cadres/" + inTwo + "/history").then().statusCode(404);
        // what is the whole deployment's (the month's frozen list, the ID-number key) is the city's
        given().auth().oauth2(ADMIN_1).queryParam("month", "2026-03").post("/api/v1/reports/high-age-subsidy/freeze")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN_1).get("/api/v1/admin/id-number-key/rotation").then().statusCode(403);
        given().auth().oauth2(ADMIN_1).post("/api/v1/admin/id-number-key/rotation").then().statusCode(403);
        given().auth().oauth2(CITY).get("/api/v1/admin/id-number-key/rotation").then().statusCode(200);
    }

    @Test
    @Order(4)
    void aDistrictAdminManagesTheOrgRecordsOfItsOwnDistrictOnly() {
        given().auth().oauth2(ADMIN_1).get("/api/v1/org/districts").then().statusCode(200)
                .body("items.code", contains(QX01));
        given().auth().oauth2(CITY).get("/api/v1/org/districts").then().statusCode(200)
                .body("items.code", contains(QX01, QX02));
        given().auth().oauth2(ADMIN_1).get("/api/v1/org/districts/" + QX02).then().statusCode(404);
        given().auth().oauth2(TestTokens.user("community-worker").communities(SQ1).token())
                .get("/api/v1/org/districts/" + QX02).then().statusCode(200).body("name", equalTo("团风县"));

        int version = given().auth().oauth2(ADMIN_1).get("/api/v1/org/districts/" + QX01).then().statusCode(200)
                .extract().path("version");
        put(ADMIN_1, "districts/" + QX01, Map.of("name", "黄州区", "version", version, "people",
                List.of(Map.of("role", "DUTY_OFFICER", "name", "吴值班", "phone", "13907130002")))).statusCode(200)
                .body("people[0].name", equalTo("吴值班"));
        put(ADMIN_1, "districts/" + QX01, Map.of("name", "改名区", "version", version + 1)).statusCode(403);
        put(ADMIN_1, "districts/" + QX01, Map.of("name", "黄州区", "active", false, "version", version + 1))
                .statusCode(403);
        put(ADMIN_1, "districts/" + QX02, Map.of("name", "团风县", "version", 1)).statusCode(403);
        put(CITY, "districts/" + QX02, Map.of("name", "团风县", "active", false, "version", 1)).statusCode(409);

        post(ADMIN_1, "streets", Map.of("code", P + "-JD3", "name", "南湖街道", "districtCode", QX02)).statusCode(403);
        // a street in no district is the city's alone (as a city's streets are until it assigns them)
        post(ADMIN_1, "streets", Map.of("code", P + "-JD3", "name", "南湖街道")).statusCode(403);
        post(ADMIN_1, "streets", Map.of("code", P + "-JD3", "name", "南湖街道", "districtCode", "NOPE")).statusCode(400)
                .body("violations[0].field", equalTo("districtCode"));
        post(ADMIN_1, "streets", Map.of("code", P + "-JD3", "name", "南湖街道", "districtCode", QX01)).statusCode(201)
                .body("districtCode", equalTo(QX01));
        put(ADMIN_1, "streets/" + P + "-JD3", Map.of("name", "南湖街道", "districtCode", QX02, "version", 1))
                .statusCode(403);
        put(ADMIN_1, "streets/" + P + "-JD2", Map.of("name", "西城街道", "version", 2)).statusCode(403);
        post(ADMIN_1, "communities", Map.of("code", P + "-SQ9", "name", "新社区", "streetCode", P + "-JD2"))
                .statusCode(403);
        post(ADMIN_1, "grids", Map.of("code", P + "-SQ2-WG9", "name", "九网格", "communityCode", SQ2)).statusCode(403);
        put(ADMIN_1, "communities/" + SQ2, Map.of("name", "和平社区", "version", 1)).statusCode(403);
        given().auth().oauth2(ADMIN_1).contentType(ContentType.JSON).body(Map.of("name", "区委老干部局", "version", 1))
                .put("/api/v1/org/bureau").then().statusCode(403);
        given().auth().oauth2(ADMIN_1).contentType("text/csv")
                .body("kind,code,name,parentCode\n街道,X1,某街道,QX01\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/orgs").then().statusCode(403);
    }

    @Test
    @Order(5)
    void aDistrictAdminsImportRefusesRowsOfAnotherDistrictAndItsJobIsItsOwn() {
        String csv = "name,idNumber,retirementType,rank,unitCode,communityCode\n张三,"
                + TestData.idNumber(LocalDate.of(1950, 1, 1), true) + ",TUIXIU,OTHER," + P + "-DW," + SQ1 + "\n李四,"
                + TestData.idNumber(LocalDate.of(1951, 1, 1), true) + ",TUIXIU,OTHER," + P + "-DW," + SQ2 + "\n";
        JsonPath status = TestData.importAndWait(ADMIN_1, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, status.getInt("accepted"), status.prettify());
        assertEquals(1, status.getInt("rejected"));
        assertEquals(3, status.getInt("errors[0].row"));
        assertEquals("communityCode", status.getString("errors[0].field"));
        String job = status.getString("id");
        given().auth().oauth2(ADMIN_2).get("/api/v1/imports/" + job).then().statusCode(404);
        given().auth().oauth2(CITY).get("/api/v1/imports/" + job).then().statusCode(200);

        String csvOrgs = "kind,code,name,parentCode\n区,QX03,浠水县,\n街道," + P + "-JD4,清泉镇,QX03\n";
        JsonPath orgs = TestData.importAndWait(CITY, "orgs", "text/csv", csvOrgs.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, orgs.getInt("accepted"), orgs.prettify());
        given().auth().oauth2(CITY).get("/api/v1/org/streets/" + P + "-JD4").then().statusCode(200)
                .body("districtCode", equalTo("QX03"));

        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metric(text, "shouwang_registry_import_rows_total", "kind=\"cadres\"", "outcome=\"imported\"")
                >= 1688, text);
        assertTrue(metric(text, "shouwang_registry_import_rows_total", "kind=\"cadres\"", "outcome=\"rejected\"")
                >= 1);
        assertTrue(metric(text, "shouwang_registry_import_throughput_rows_per_second_count", "kind=\"cadres\"")
                >= 2);
        assertTrue(metric(text, "shouwang_registry_import_throughput_rows_per_second_sum", "kind=\"cadres\"") > 0);
    }

    @Test
    @Order(6)
    void theCitysStatisticsAreTheSumOfItsDistrictsFieldByField() {
        JsonPath city = statistics(CITY, null);
        JsonPath one = statistics(CITY, QX01);
        JsonPath two = statistics(CITY, QX02);
        // the seed table (844 in SQ1, 843 in SQ2), this class's own cadres and the district admin's import
        assertEquals(1687 + 4, city.getInt("total"));
        assertEquals(city.getInt("total"), one.getInt("total") + two.getInt("total"));
        assertEquals(844 + 3, one.getInt("total"));
        for (String breakdown : List.of("byRetirementType", "byGender", "byPartyMember", "byRank", "byAgeBand",
                "byCommunity")) {
            Map<String, Integer> sum = new TreeMap<>(one.getMap(breakdown));
            two.<String, Integer>getMap(breakdown).forEach((key, count) -> sum.merge(key, count, Integer::sum));
            assertEquals(sum, new TreeMap<>(city.getMap(breakdown)), breakdown);
        }
        assertEquals(Map.of(QX01, 847, QX02, 844), city.getMap("byDistrict"));
        assertEquals(Map.of(QX01, 847), one.getMap("byDistrict"));
        // every cadre here is of P-DW: without the unit filter the answer comes from the tallies, and is the same
        assertEquals(city.prettify(), statistics(CITY, null, false).prettify());
        assertEquals(one.prettify(), statistics(CITY, QX01, false).prettify());
        assertEquals(two.prettify(), statistics(ADMIN_2, null, false).prettify());
        // a district admin's own figures without a filter are its district's; another district is refused
        assertEquals(one.getMap("byRank"), statistics(ADMIN_1, null).getMap("byRank"));
        assertEquals(847, statistics(ADMIN_1, QX01).getInt("total"));
        given().auth().oauth2(ADMIN_1).queryParam("districtCode", QX02).get("/api/v1/statistics/cadres").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.user("community-worker").communities(SQ1).token())
                .queryParam("districtCode", QX01).get("/api/v1/statistics/cadres").then().statusCode(403);
        for (String bad : List.of("NOPE", "bad code!")) {
            given().auth().oauth2(CITY).queryParam("districtCode", bad).get("/api/v1/statistics/cadres").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("districtCode"));
        }
    }

    @Test
    @Order(7)
    void aCadreMovingToAnotherDistrictIsTheNewDistrictsWithItsHistory() throws Exception {
        // the old district hands the cadre over (as a community worker does when a cadre moves house), then loses it
        given().auth().oauth2(ADMIN_1).contentType(ContentType.JSON)
                .body(Map.of("communityCode", SQ2, "gridCode", SQ2 + "-WG1")).post("/api/v1/cadres/" + mover + "/moves")
                .then().statusCode(200).body("communityCode", equalTo(SQ2));
        given().auth().oauth2(ADMIN_1).get("/api/v1/cadres/" + mover).then().statusCode(404);
        given().auth().oauth2(ADMIN_2).get("/api/v1/cadres/" + mover).then().statusCode(200);
        given().auth().oauth2(ADMIN_2).get("/api/v1/cadres/" + mover + "/history").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(ADMIN_1).get("/api/v1/cadres/" + mover + "/history").then().statusCode(404);
        given().auth().oauth2(CITY).get("/api/v1/cadres/" + mover + "/history").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.await("cadre-profiles",
                r -> mover.equals(r.key()), 2, Duration.ofSeconds(30));
        JsonNode registered = TopicProbe.JSON.readTree(records.get(0).value());
        JsonNode moved = TopicProbe.JSON.readTree(records.get(records.size() - 1).value());
        assertTrue(registered.get("districtCode").isNull(), "registered before the districts existed");
        assertEquals(QX02, moved.get("districtCode").asText());
        assertEquals(SQ2, moved.get("communityCode").asText());
    }

    private static JsonPath statistics(String token, String district) {
        return statistics(token, district, true);
    }

    /** As of the seed day; {@code ofTheUnit}: filtered by P-DW (a grouped scan), else from the tallies. */
    private static JsonPath statistics(String token, String district, boolean ofTheUnit) {
        var request = given().auth().oauth2(token).queryParam("asOf", SEED_DAY.toString());
        if (ofTheUnit) {
            request = request.queryParam("unitCode", P + "-DW");
        }
        if (district != null) {
            request = request.queryParam("districtCode", district);
        }
        return request.get("/api/v1/statistics/cadres").then().statusCode(200).extract().jsonPath();
    }

    /** The value of the first line of a Prometheus text naming {@code name} with all these labels; 0 when none. */
    private static double metric(String text, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (line.find()) {
            String found = line.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private static String cadre(String name, String community) {
        Map<String, Object> body = TestData.cadre(P, name, LocalDate.of(1938, 3, 2), true);
        body.put("communityCode", community);
        body.put("gridCode", community + "-WG1");
        return TestData.register(body);
    }

    private static void moveStreet(String street, String district) {
        JsonPath current = given().auth().oauth2(CITY).get("/api/v1/org/streets/" + street).then().statusCode(200)
                .extract().jsonPath();
        put(CITY, "streets/" + street, Map.of("name", current.getString("name"), "districtCode", district, "version",
                current.getInt("version"))).statusCode(200).body("districtCode", equalTo(district));
    }

    private static ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/org/" + path).then();
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/org/" + path)
                .then();
    }
}
