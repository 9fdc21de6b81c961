package shouwang.volunteer.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class VolunteerTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ601").token();

    static String register(String token, Map<String, Object> body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/volunteers")
                .then().statusCode(status).extract().path("id");
    }

    @Test
    void registeringTwiceWithTheSameClientIdKeepsOneVolunteer() {
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", clientId, "volunteerName", "冯", "phone", "13400000601",
                "communityCode", "SQ601");
        register(WORKER, body, 201);
        register(WORKER, body, 200);
        given().auth().oauth2(WORKER).queryParam("q", "冯").queryParam("size", 500).get("/api/v1/volunteers").then()
                .statusCode(200).body("items.findAll { it.id == '" + clientId + "' }.size()", equalTo(1));
    }

    @Test
    void staffFindVolunteersOfTheirCommunitiesByName() {
        String id = register(WORKER, Map.of("volunteerName", "褚卫东", "phone", "13400000602", "communityCode",
                "SQ601"), 201);
        given().auth().oauth2(WORKER).queryParam("q", " 卫东 ").get("/api/v1/volunteers").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(WORKER).get("/api/v1/volunteers?q=nobody").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ999").token())
                .get("/api/v1/volunteers/" + id).then().statusCode(404);
    }

    @Test
    void aTokenWithoutScopeClaimsSeesNoVolunteersAndMayNotFilterThemByCommunity() {
        String id = register(WORKER, Map.of("volunteerName", "蒋", "phone", "13400000603", "communityCode",
                "SQ601"), 201);
        String unscoped = TestTokens.named("community-worker-without-scope").roles("community-worker").token();

        given().auth().oauth2(unscoped).get("/api/v1/volunteers").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/volunteers?communityCode=SQ601").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/volunteers/" + id).then().statusCode(404);
    }
}
