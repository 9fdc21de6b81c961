package shouwang.volunteer.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.volunteer.Fixtures;

/**
 * A volunteer signs itself up (POST /volunteers, or its first claim) only inside the communities of its own token,
 * and links its login only to a registration it names by cadre or by name and phone there (docs/volunteer-service.md).
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class SelfRegistrationTest {

    static final String WORKER_502 = TestTokens.user("community-worker").communities("SQ502").token();

    static String volunteerOf(String login, String... communities) {
        return TestTokens.named(login).roles("volunteer").communities(communities).token();
    }

    static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/volunteers")
                .then();
    }

    static ValidatableResponse claim(String token, String postId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/posts/" + postId + "/claims").then();
    }

    static String post(String community) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "环境卫生岗", "category", "ENVIRONMENT", "communityCode", community, "capacity", 5))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
    }

    static void notLinked(String token) {
        given().auth().oauth2(token).get("/api/v1/volunteers/me").then().statusCode(404);
    }

    @Test
    void aVolunteerRegistersItselfInItsOwnCommunity() {
        String me = volunteerOf("self-501-a", "SQ501");
        String id = register(me, Map.of("volunteerName", "本社区", "phone", "13200000501", "communityCode", "SQ501"))
                .statusCode(201).body("communityCode", equalTo("SQ501")).body("account", equalTo("self-501-a"))
                .extract().path("id");
        given().auth().oauth2(me).get("/api/v1/volunteers/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aVolunteerMayNotRegisterItselfInAnotherCommunity() {
        String me = volunteerOf("self-501-b", "SQ501");
        register(me, Map.of("volunteerName", "外社区", "phone", "13200000502", "communityCode", "SQ502"))
                .statusCode(403).contentType("application/problem+json");
        notLinked(me);
        // nothing was registered there either
        given().auth().oauth2(WORKER_502).get("/api/v1/volunteers?q=外社区").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aVolunteerWithoutCommunityScopeCannotSignUpAnywhere() {
        String me = volunteerOf("self-no-scope");
        register(me, Map.of("volunteerName", "无范围", "phone", "13200000503", "communityCode", "SQ501"))
                .statusCode(403);
        claim(me, post("SQ501"), Map.of("volunteerName", "无范围", "phone", "13200000503")).statusCode(403);
        notLinked(me);
    }

    @Test
    void aResidentNeedsAHomeCommunity() {
        register(volunteerOf("self-501-c", "SQ501"), Map.of("volunteerName", "无社区", "phone", "13200000504"))
                .statusCode(400).body("violations[0].field", equalTo("communityCode"));
    }

    @Test
    void aVolunteerSignsUpAsACadreOfItsOwnCommunityOnly() {
        UUID mine = Fixtures.activeCadre("SQ501");
        UUID theirs = Fixtures.activeCadre("SQ502");
        String other = volunteerOf("self-501-d", "SQ501");
        register(other, Map.of("cadreId", theirs.toString())).statusCode(403);
        notLinked(other);
        claim(other, post("SQ501"), Map.of("cadreId", theirs.toString())).statusCode(403);
        notLinked(other);

        String me = volunteerOf("self-501-e", "SQ501");
        register(me, Map.of("cadreId", mine.toString())).statusCode(201).body("cadreId", equalTo(mine.toString()))
                .body("account", equalTo("self-501-e"));
    }

    @Test
    void aVolunteerCannotTakeOverARegistrationOfAnotherCommunityByItsPhone() {
        String phone = "13200000505";
        given().auth().oauth2(WORKER_502).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "老住户", "phone", phone, "communityCode", "SQ502"))
                .post("/api/v1/volunteers").then().statusCode(201);
        String me = volunteerOf("self-501-f", "SQ501");
        register(me, Map.of("volunteerName", "冒名", "phone", phone, "communityCode", "SQ501")).statusCode(403);
        claim(me, post("SQ501"), Map.of("volunteerName", "冒名", "phone", phone)).statusCode(403);
        notLinked(me);
    }

    @Test
    void aVolunteerCannotLinkItselfToSomeoneElsesRegistrationById() {
        // a resident the community registered: its id is public on its team's page
        String residentId = given().auth().oauth2(TestTokens.user("community-worker").communities("SQ501").token())
                .contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "队员甲", "phone", "13200000506", "communityCode", "SQ501"))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        String me = volunteerOf("self-501-g", "SQ501");
        claim(me, post("SQ501"), Map.of("volunteerId", residentId)).statusCode(403);
        notLinked(me);
        given().auth().oauth2(me).get("/api/v1/volunteers/" + residentId + "/hours").then().statusCode(404);
    }

    @Test
    void aVolunteerClaimsPostsOfItsCommunityButNotOfAnother() {
        String me = volunteerOf("self-501-h", "SQ501");
        claim(me, post("SQ502"), Map.of("volunteerName", "邻居乙", "phone", "13200000507")).statusCode(403);
        notLinked(me);
        claim(me, post("SQ501"), Map.of("volunteerName", "邻居乙", "phone", "13200000507")).statusCode(201);
        given().auth().oauth2(me).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("communityCode", equalTo("SQ501"));
        // recording service outside any post: only in a community of its own token
        given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("communityCode", "SQ502", "serviceType", "ENVIRONMENT", "hours", 1, "servedOn",
                        LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/service-records").then().statusCode(403);
        given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("communityCode", "SQ501", "serviceType", "ENVIRONMENT", "hours", 1, "servedOn",
                        LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/service-records").then().statusCode(201);
    }

    @Test
    void staffRegisterOnlyInsideTheirCommunitiesAndLearnNothingOfOthers() {
        UUID theirs = Fixtures.activeCadre("SQ502");
        String worker = TestTokens.user("community-worker").communities("SQ501").token();
        register(worker, Map.of("cadreId", theirs.toString())).statusCode(403);
        given().auth().oauth2(WORKER_502).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "隔壁", "phone", "13200000508", "communityCode", "SQ502"))
                .post("/api/v1/volunteers").then().statusCode(201);
        // the phone of a resident elsewhere does not hand over their record
        register(worker, Map.of("volunteerName", "试探", "phone", "13200000508", "communityCode", "SQ501"))
                .statusCode(403);
    }
}
