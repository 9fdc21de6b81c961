package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/** 两老同住: linking, joining and leaving a household, and the profiles every member's consumers see. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class HouseholdTest {

    private static final String ADMIN = TestTokens.districtAdmin();

    private final String p = TestData.prefix();

    @BeforeEach
    void district() {
        TestData.org(p);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String cadre(String name, boolean male, String community, String grid) {
        Map<String, Object> body = TestData.cadre(p, name, LocalDate.of(1942, 8, 15), male);
        body.put("communityCode", p + community);
        body.put("gridCode", p + grid);
        return TestData.register(body);
    }

    private static JsonNode newestProfile(String cadreId, int version) {
        return TopicProbe.events("cadre-profiles", "CadreUpdated",
                data -> cadreId.equals(data.path("id").asText()) && data.path("version").asInt() == version, 1,
                Duration.ofSeconds(30)).get(0).data();
    }

    @Test
    void twoCadresOfOneHomeBecomeAHouseholdAndBothProfilesSayWho() {
        String husband = cadre("刘德才", true, "-SQ1", "-SQ1-WG1");
        String wife = cadre("陈秀珍", false, "-SQ1", "-SQ1-WG1");

        String household = as(ADMIN).body(Map.of("withCadreId", wife)).put("/api/v1/cadres/" + husband + "/household")
                .then().statusCode(200).body("householdId", notNullValue())
                .body("householdMemberIds", contains(wife)).extract().path("householdId");
        as(ADMIN).body(Map.of("withCadreId", wife)).put("/api/v1/cadres/" + husband + "/household")
                .then().statusCode(200).body("householdId", equalTo(household)).body("version", equalTo(2));
        as(ADMIN).get("/api/v1/cadres/" + wife).then().body("householdId", equalTo(household))
                .body("householdMemberIds", contains(husband));

        JsonNode husbandsProfile = newestProfile(husband, 2);
        JsonNode wifesProfile = newestProfile(wife, 2);
        assertEquals(household, husbandsProfile.get("householdId").asText());
        assertEquals(wife, husbandsProfile.get("householdMemberIds").get(0).asText());
        assertEquals(husband, wifesProfile.get("householdMemberIds").get(0).asText());

        String sister = cadre("刘玉梅", false, "-SQ1", "-SQ1-WG1");
        as(ADMIN).body(Map.of("withCadreId", husband)).put("/api/v1/cadres/" + sister + "/household")
                .then().statusCode(200).body("householdId", equalTo(household))
                .body("householdMemberIds", containsInAnyOrder(husband, wife));

        as(ADMIN).delete("/api/v1/cadres/" + sister + "/household").then().statusCode(200)
                .body("householdId", nullValue()).body("householdMemberIds", empty());
        as(ADMIN).delete("/api/v1/cadres/" + wife + "/household").then().statusCode(200)
                .body("householdId", nullValue());
        as(ADMIN).get("/api/v1/cadres/" + husband).then().body("householdId", nullValue())
                .body("householdMemberIds", empty());
    }

    @Test
    void aHouseholdLivesInOneCommunityAndWithinTheCallersScope() {
        String here = cadre("黄建设", true, "-SQ1", "-SQ1-WG1");
        String there = cadre("林淑华", false, "-SQ2", "-SQ2-WG1");
        as(ADMIN).body(Map.of("withCadreId", there)).put("/api/v1/cadres/" + here + "/household")
                .then().statusCode(400).body("violations[0].field", equalTo("withCadreId"));
        as(ADMIN).body(Map.of("withCadreId", here)).put("/api/v1/cadres/" + here + "/household")
                .then().statusCode(400).body("violations[0].field", equalTo("withCadreId"));
        as(ADMIN).body(Map.of()).put("/api/v1/cadres/" + here + "/household")
                .then().statusCode(400).body("violations[0].field", equalTo("withCadreId"));
        String neighbour = cadre("马桂芳", false, "-SQ1", "-SQ1-WG1");
        as(TestTokens.user("community-worker").communities(p + "-SQ2").token()).body(Map.of("withCadreId", neighbour))
                .put("/api/v1/cadres/" + here + "/household").then().statusCode(403);
    }
}
