package shouwang.registry.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.GeneratedCadres;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestClock;
import shouwang.registry.TestData;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CadreStatisticsTest {

    static final LocalDate SEED_DAY = LocalDate.of(2019, 12, 31);

    private String p;

    /** Once per class, but after Quarkus has pointed REST Assured at the application. */
    @BeforeEach
    void seedDistrict() {
        if (p != null) {
            return;
        }
        p = TestData.district();
        String csv = GeneratedCadres.csv(GeneratedCadres.Marginals.SEED, SEED_DAY, p + "-DW", "320106", p + "-SQ1",
                p + "-SQ2");
        JsonPath status = TestData.importAndWait(TestTokens.districtAdmin(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1687, status.getInt("accepted"), status.prettify());
    }

    private JsonPath statistics(String token, String asOf) {
        return given().auth().oauth2(token).queryParam("asOf", asOf).queryParam("unitCode", p + "-DW")
                .get("/api/v1/statistics/cadres").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSeedDistrictIsCountedExactlyOnItsDay() {
        JsonPath stats = statistics(TestTokens.districtAdmin(), "2019-12-31");
        assertEquals(1687, stats.getInt("total"));
        assertEquals(Map.of("true", 1307, "false", 380), stats.getMap("byPartyMember"));
        assertEquals(Map.of("MALE", 1169, "FEMALE", 518), stats.getMap("byGender"));
        assertEquals(Map.of("COUNTY_CHIEF", 8, "COUNTY_DEPUTY", 57, "SECTION_CHIEF", 409, "SECTION_DEPUTY", 522,
                "OTHER", 691), stats.getMap("byRank"));
        assertEquals(Map.of("90+", 14, "80-89", 263, "70-79", 541, "60-69", 683, "<60", 186), stats.getMap("byAgeBand"));
        assertEquals(0.485, stats.getDouble("aged70PlusShare"), 1e-9);
        assertEquals(Map.of(p + "-SQ1", 844, p + "-SQ2", 843), stats.getMap("byCommunity"));
        assertEquals(Map.of("LIXIU", 85, "TUIXIU", 1602), stats.getMap("byRetirementType"));
        // by community (the tallies, not a scan): the two communities hold the unit's cadres between them
        JsonPath one = given().auth().oauth2(TestTokens.districtAdmin()).queryParam("asOf", "2019-12-31")
                .queryParam("communityCode", p + "-SQ1").get("/api/v1/statistics/cadres").then().statusCode(200)
                .extract().jsonPath();
        JsonPath two = given().auth().oauth2(TestTokens.user("community-worker").communities(p + "-SQ2").token())
                .queryParam("asOf", "2019-12-31").get("/api/v1/statistics/cadres").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of(p + "-SQ1", 844), one.getMap("byCommunity"));
        assertEquals(Map.of(p + "-SQ2", 843), two.getMap("byCommunity"));
        for (String breakdown : new String[] { "byRetirementType", "byGender", "byPartyMember", "byRank", "byAgeBand" }) {
            Map<String, Integer> sum = new java.util.TreeMap<>(one.getMap(breakdown));
            two.<String, Integer>getMap(breakdown).forEach((key, count) -> sum.merge(key, count, Integer::sum));
            assertEquals(new java.util.TreeMap<>(stats.getMap(breakdown)), sum, breakdown);
        }
    }

    @Test
    void ageIsTheCalendarAgeOnTheAsOfDate() {
        JsonPath later = statistics(TestTokens.districtAdmin(), "2029-12-31");
        assertEquals(Map.of("90+", 277, "80-89", 541, "70-79", 683, "60-69", 186, "<60", 0), later.getMap("byAgeBand"));
        // the day before, the cadres born on 1929-12-31 (exactly 90 on the seed day) were still 89
        JsonPath dayBefore = statistics(TestTokens.districtAdmin(), "2019-12-30");
        assertEquals(1687, dayBefore.getInt("total"));
        org.junit.jupiter.api.Assertions.assertTrue(dayBefore.getInt("byAgeBand.'90+'") < 14);
    }

    @Test
    void aCommunityWorkerGetsItsCommunityOnlyAndIsRefusedAnother() {
        String worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        JsonPath stats = statistics(worker, "2019-12-31");
        assertEquals(844, stats.getInt("total"));
        assertEquals(Map.of(p + "-SQ1", 844), stats.getMap("byCommunity"));
        given().auth().oauth2(worker).queryParam("communityCode", p + "-SQ2").get("/api/v1/statistics/cadres").then()
                .statusCode(403);
    }

    @Test
    void withoutAsOfTheyAreCountedOnTheDistrictsToday() {
        // 16:30 UTC on 30 December is already the seed day in the district
        TestClock.at(Instant.parse("2019-12-30T16:30:00Z"), () -> given().auth().oauth2(TestTokens.districtAdmin())
                .queryParam("unitCode", p + "-DW").get("/api/v1/statistics/cadres").then().statusCode(200)
                .body("asOf", equalTo("2019-12-31")).body("byAgeBand.'90+'", equalTo(14)));
    }

    @Test
    void aTokenWithoutScopeCountsNobodyAndMayNotFilter() {
        String unscoped = TestTokens.user("unit-liaison").token();
        given().auth().oauth2(unscoped).queryParam("asOf", "2019-12-31").get("/api/v1/statistics/cadres").then()
                .statusCode(200).body("total", equalTo(0)).body("byAgeBand.'90+'", equalTo(0));
        given().auth().oauth2(unscoped).queryParam("unitCode", p + "-DW").get("/api/v1/statistics/cadres").then()
                .statusCode(403);
    }

    @Test
    void theDeadAndThoseWhoMovedAwayCountOnlyBeforeTheirDate() {
        String q = TestData.district();
        String admin = TestTokens.districtAdmin();
        String died = TestData.register(TestData.cadre(q, "甲", LocalDate.of(1930, 1, 1), true));
        String left = TestData.register(TestData.cadre(q, "乙", LocalDate.of(1930, 1, 1), true));
        TestData.register(TestData.cadre(q, "丙", LocalDate.of(1930, 1, 1), true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("diedOn", "2020-06-01"))
                .post("/api/v1/cadres/" + died + "/death").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("leavesDistrict", true, "movedOn", "2021-06-01"))
                .post("/api/v1/cadres/" + left + "/moves").then().statusCode(200);

        given().auth().oauth2(admin).queryParam("unitCode", q + "-DW").queryParam("asOf", "2020-05-31")
                .get("/api/v1/statistics/cadres").then().body("total", equalTo(3));
        given().auth().oauth2(admin).queryParam("unitCode", q + "-DW").queryParam("asOf", "2020-06-01")
                .get("/api/v1/statistics/cadres").then().body("total", equalTo(2));
        given().auth().oauth2(admin).queryParam("unitCode", q + "-DW")
                .get("/api/v1/statistics/cadres").then().body("total", equalTo(1));
        given().auth().oauth2(admin).queryParam("asOf", "31/12/2019").get("/api/v1/statistics/cadres").then()
                .statusCode(400).body("violations[0].field", equalTo("asOf"));
    }
}
