package shouwang.alert.policy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.CityProfile;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.TestTokens;

/**
 * Per-district escalation policy in a city (issue 16): a district's own versions, else the city default it inherits;
 * each district's alerts are raised with its policy. The only city test class that changes a policy.
 */
@QuarkusTest
@TestProfile(CityProfile.class)
class DistrictPolicyTest {

    private static final String POLICY = "/api/v1/escalation-policy";
    private static final Map<String, Object> WORRY_IN_TEN_HOURS = Map.of("kinds",
            Map.of("WORRY", Map.of("deadline", "PT10H", "escalateEvery", "PT5H")));

    @BeforeEach
    void city() {
        CityProfile.orgs();
    }

    private static int defaultVersion() {
        return Api.as(CityProfile.cityAdmin()).get(POLICY).then().statusCode(200).extract().path("version");
    }

    @Test
    void aDistrictChangesItsOwnPolicyItsAlertsTakeItAndTheOthersKeepTheCityDefault() {
        int cityDefault = defaultVersion();
        Api.as(CityProfile.districtAdmin("QX02")).get(POLICY + "?districtCode=QX01").then().statusCode(200)
                .body("districtCode", equalTo("QX01")).body("inherited", equalTo(true))
                .body("version", equalTo(cityDefault));

        Api.as(CityProfile.districtAdmin("QX02")).body(WORRY_IN_TEN_HOURS).put(POLICY + "?districtCode=QX01").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as(CityProfile.districtAdmin()).body(WORRY_IN_TEN_HOURS).put(POLICY + "?districtCode=QX01").then()
                .statusCode(403);
        Api.as(TestTokens.user("community-worker").communities("SQ801").token()).body(WORRY_IN_TEN_HOURS)
                .put(POLICY + "?districtCode=QX01").then().statusCode(403);
        int own = Api.as(CityProfile.districtAdmin("QX01")).body(WORRY_IN_TEN_HOURS).put(POLICY + "?districtCode=QX01")
                .then().statusCode(200)
                .body("districtCode", equalTo("QX01")).body("inherited", equalTo(false))
                .body("changedBy", equalTo("district-admin"))
                .body("kinds.WORRY.deadline", equalTo("PT10H"))
                .body("kinds.HOSPITALISATION.deadline", equalTo("PT24H"))
                .extract().path("version");

        Api.as(TestTokens.user("partner").token()).get(POLICY + "?districtCode=QX01").then().statusCode(200)
                .body("version", equalTo(own)).body("inherited", equalTo(false))
                .body("kinds.WORRY.escalateEvery", equalTo("PT5H"));
        Api.as(CityProfile.districtAdmin("QX01")).get(POLICY + "?districtCode=QX02").then()
                .body("inherited", equalTo(true)).body("version", equalTo(cityDefault))
                .body("kinds.WORRY.deadline", equalTo("PT72H"));
        Api.as(CityProfile.cityAdmin()).get(POLICY).then().body("version", equalTo(cityDefault))
                .body("districtCode", nullValue()).body("inherited", nullValue());

        JsonPath east = alert(CityProfile.report(Fixtures.knownCadre("SQ801", "SQ801-WG09", "DW801"), "WORRY"));
        JsonPath west = alert(CityProfile.report(Fixtures.knownCadre("SQ802", "SQ802-WG09", "DW802"), "WORRY"));
        assertEquals(own, east.getInt("policyVersion"));
        assertEquals(Duration.ofHours(10), due(east));
        assertEquals("PT5H", east.getString("escalateEvery"));
        assertEquals(cityDefault, west.getInt("policyVersion"));
        assertEquals(Duration.ofHours(72), due(west));
    }

    @Test
    void theCityDefaultIsTheCitysAndADistrictWithoutItsOwnFollowsItsChanges() {
        Map<String, Object> change = Map.of("kinds",
                Map.of("NEIGHBOUR_DISPUTE", Map.of("deadline", "PT48H", "escalateEvery", "PT24H")));
        Api.as(CityProfile.districtAdmin("QX01", "QX02", "QX03")).body(change).put(POLICY).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(CityProfile.districtAdmin()).body(change).put(POLICY).then().statusCode(403);
        int next = Api.as(CityProfile.cityAdmin()).body(change).put(POLICY).then().statusCode(200)
                .body("districtCode", nullValue()).body("changedBy", equalTo("city-admin"))
                .body("kinds.NEIGHBOUR_DISPUTE.deadline", equalTo("PT48H")).extract().path("version");
        Api.as(CityProfile.districtAdmin("QX03")).get(POLICY + "?districtCode=QX03").then()
                .body("version", equalTo(next)).body("inherited", equalTo(true))
                .body("kinds.NEIGHBOUR_DISPUTE.deadline", equalTo("PT48H"));
        JsonPath alert = alert(CityProfile.report(Fixtures.knownCadre("SQ803", "SQ803-WG09", "DW803"),
                "NEIGHBOUR_DISPUTE"));
        assertEquals(next, alert.getInt("policyVersion"));
        assertEquals(Duration.ofHours(48), due(alert));
    }

    @Test
    void anUnknownOrMalformedDistrictIsA400NamingDistrictCode() {
        int version = defaultVersion();
        for (String bad : new String[] { "QX99", "QX%2001", "SQ801", "%E4%B8%80%E5%8C%BA" }) {
            Api.as(CityProfile.cityAdmin()).get(POLICY + "?districtCode=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("districtCode"));
            Api.as(CityProfile.cityAdmin()).body(WORRY_IN_TEN_HOURS).put(POLICY + "?districtCode=" + bad).then()
                    .statusCode(400).body("violations[0].field", equalTo("districtCode"));
        }
        assertEquals(version, defaultVersion(), "nothing changed");
    }

    private static JsonPath alert(UUID alertId) {
        return Api.as(CityProfile.cityAdmin()).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Duration due(JsonPath alert) {
        return Duration.between(Instant.parse(alert.getString("raisedAt")), Instant.parse(alert.getString("deadline")));
    }
}
