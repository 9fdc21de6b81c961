package shouwang.alert.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.CityProfile;
import shouwang.alert.Fixtures;
import shouwang.kit.security.Roles;
import shouwang.kit.testing.TestTokens;

/**
 * A district admin of a city works its own districts' alerts only (403/404 for the others'), the city sees all; the
 * board counts the scope's open alerts by level and by district.
 */
@QuarkusTest
@TestProfile(CityProfile.class)
class DistrictWorklistTest {

    @BeforeEach
    void city() {
        CityProfile.orgs();
    }

    @Test
    void aDistrictAdminListsReadsAndAcknowledgesItsDistrictsAlertsOnlyAndTheCityAll() {
        UUID eastCadre = Fixtures.knownCadre("SQ801", "SQ801-WG02", "DW801");
        UUID east = CityProfile.report(eastCadre, "HARDSHIP");
        UUID west = CityProfile.report(Fixtures.knownCadre("SQ802", "SQ802-WG02", "DW802"), "HARDSHIP");
        String eastAdmin = CityProfile.districtAdmin("QX01");

        Api.as(eastAdmin).get("/api/v1/alerts?size=200").then().statusCode(200)
                .body("items.id", hasItem(east.toString())).body("items.id", not(hasItem(west.toString())))
                .body("items.communityCode", everyItem(in(List.of("SQ801"))));
        Api.as(eastAdmin).get("/api/v1/alerts/" + east).then().statusCode(200);
        Api.as(eastAdmin).get("/api/v1/alerts/" + west).then().statusCode(404);
        Api.as(eastAdmin).post("/api/v1/alerts/" + west + "/acknowledge").then().statusCode(403);
        Api.as(eastAdmin).body("{\"reason\":\"DUPLICATE_REPORT\",\"note\":\"重复\"}")
                .post("/api/v1/alerts/" + west + "/resolve").then().statusCode(403);
        Api.as(eastAdmin).post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
        Api.as(eastAdmin).post("/api/v1/alerts/" + east + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        Api.as(eastAdmin).get("/api/v1/alerts?communityCode=SQ802").then().statusCode(403);
        Api.as(CityProfile.districtAdmin("QX01", "QX02")).get("/api/v1/alerts?size=200").then()
                .body("items.id", hasItems(east.toString(), west.toString()));
        Api.as(CityProfile.districtAdmin()).get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(0));
        Api.as(CityProfile.districtAdmin()).get("/api/v1/alerts/" + east).then().statusCode(404);
        Api.as(CityProfile.cityAdmin()).get("/api/v1/alerts?size=200").then()
                .body("items.id", hasItems(east.toString(), west.toString()));
        Api.as(CityProfile.cityAdmin()).get("/api/v1/alerts/" + west).then().statusCode(200);
    }

    @Test
    void theBoardCountsTheScopesOpenAlertsByLevelAndByDistrictAndTheDistrictsSumToTheCity() {
        // district QX03's alerts are this test's alone: two open, one of them escalated and overdue, one resolved
        UUID climbingCadre = Fixtures.knownCadre("SQ803", "SQ803-WG01", "DW803");
        UUID climbing = CityProfile.report(climbingCadre, "FAMILY_ACCIDENT");
        CityProfile.report(Fixtures.knownCadre("SQ803", "SQ803-WG02", "DW803"), "HARDSHIP");
        UUID resolved = CityProfile.report(Fixtures.knownCadre("SQ803", "SQ803-WG03", "DW803"), "WORRY");
        Api.as(CityProfile.districtAdmin("QX03")).body("{\"reason\":\"REPORTED_IN_ERROR\",\"note\":\"核实不属实\"}")
                .post("/api/v1/alerts/" + resolved + "/resolve").then().statusCode(200);
        Fixtures.mustVisitMissed(climbingCadre, climbing, "COMMUNITY", "SQ803", 0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(CityProfile.cityAdmin())
                .get("/api/v1/alerts/" + climbing).then().extract().<Integer>path("level") == 1);
        QuarkusTransaction.requiringNew().run(() -> Alert.update("deadline = ?1 where id = ?2",
                Instant.now().minus(Duration.ofMinutes(1)), climbing));

        JsonPath own = statistics(CityProfile.districtAdmin("QX03"));
        assertEquals(2, own.getLong("open"));
        assertEquals(1, own.getLong("overdue"));
        assertEquals(List.of(1, 1, 0, 0), own.getList("byLevel.open"));
        assertEquals(List.of(0, 1, 0, 0), own.getList("byLevel.overdue"));
        assertEquals(List.of(0, 1, 2, 3), own.getList("byLevel.level"));
        assertEquals("街道", own.getString("byLevel[2].levelLabel"));
        assertEquals(List.of(Map.of("districtCode", "QX03", "districtName", "三区", "open", 2, "overdue", 1,
                "byLevel", own.getList("byLevel"))), own.getList("byDistrict"));

        JsonPath city = statistics(CityProfile.cityAdmin());
        List<Map<String, Object>> districts = city.getList("byDistrict");
        assertEquals(city.getLong("open"), districts.stream().mapToLong(d -> ((Number) d.get("open")).longValue()).sum());
        assertEquals(city.getLong("overdue"),
                districts.stream().mapToLong(d -> ((Number) d.get("overdue")).longValue()).sum());
        assertEquals(List.of(own.getMap("byDistrict[0]")), districts.stream().filter(d -> "QX03".equals(d.get("districtCode")))
                .toList(), "the city sees the district as its admin does");
        JsonPath twoDistricts = statistics(CityProfile.districtAdmin("QX01", "QX03"));
        assertEquals(List.of("QX01", "QX03"), twoDistricts.getList("byDistrict.districtCode"));

        JsonPath street = statistics(TestTokens.user(Roles.STREET_OFFICER).streets("JD803").token());
        assertEquals(own.getList("byDistrict"), street.getList("byDistrict"), "a street officer's streets only");
        JsonPath none = statistics(CityProfile.districtAdmin());
        assertEquals(0, none.getLong("open"));
        assertEquals(List.of(), none.getList("byDistrict"));
        Api.as(TestTokens.user(Roles.PARTNER).token()).get("/api/v1/alerts/statistics").then().statusCode(403);
    }

    private static JsonPath statistics(String token) {
        return Api.as(token).get("/api/v1/alerts/statistics").then().statusCode(200).extract().jsonPath();
    }
}
