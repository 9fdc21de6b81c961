package shouwang.registry.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class OrgApiTest {

    private final String p = TestData.prefix();

    @Test
    void unitsCommunitiesAndGridsAreCreatedAndReadByCode() {
        TestData.org(p);
        String worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        given().auth().oauth2(worker).get("/api/v1/org/units/" + p + "-DW").then().statusCode(200)
                .body("name", equalTo("区财政局"));
        given().auth().oauth2(worker).get("/api/v1/org/communities/" + p + "-SQ1").then().statusCode(200)
                .body("streetName", equalTo("东城街道"));
        given().auth().oauth2(worker).get("/api/v1/org/grids/" + p + "-SQ1-WG1").then().statusCode(200)
                .body("communityCode", equalTo(p + "-SQ1"));
        given().auth().oauth2(worker).queryParam("communityCode", p + "-SQ2").get("/api/v1/org/grids").then()
                .statusCode(200).body("total", equalTo(1)).body("items.code", hasItem(p + "-SQ2-WG1"));
        given().auth().oauth2(worker).get("/api/v1/org/units/NOPE-" + p).then().statusCode(404);
    }

    @Test
    void aSecondUnitWithTheSameCodeIsAConflict() {
        String admin = TestTokens.districtAdmin();
        Map<String, String> unit = Map.of("code", p + "-DUP", "name", "区教育局");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(unit).post("/api/v1/org/units").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(unit).post("/api/v1/org/units").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aGridNeedsAKnownCommunity() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", p + "-G", "name", "网格", "communityCode", "NO-SUCH"))
                .post("/api/v1/org/grids").then().statusCode(400).body("violations[0].field", equalTo("communityCode"));
    }

    @Test
    void onlyTheDistrictBureauCreatesOrgRecords() {
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ001").token())
                .contentType(ContentType.JSON).body(Map.of("code", p + "-X", "name", "x"))
                .post("/api/v1/org/units").then().statusCode(403);
    }

    @Test
    void missingFieldsAreNamed() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(Map.of("code", "bad code!"))
                .post("/api/v1/org/communities").then().statusCode(400)
                .body("violations.field", hasItem("code")).body("violations.field", hasItem("name"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", p + "-NOSTREET", "name", "无街道社区"))
                .post("/api/v1/org/communities").then().statusCode(400)
                .body("violations.field", hasItem("streetCode"));
    }
}
