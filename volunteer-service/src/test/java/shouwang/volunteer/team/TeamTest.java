package shouwang.volunteer.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class TeamTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ201").token();

    @Test
    void aTeamIsFormedWithALeaderAndMembersWhoAreCadresOrResidents() {
        UUID cadre = Fixtures.activeCadre("SQ201");
        String teamId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("name", "幸福里银发巡逻队", "category", "SECURITY_PATROL", "communityCode", "SQ201",
                        "leader", Map.of("cadreId", cadre.toString()),
                        "members", List.of(Map.of("volunteerName", "刘大妈", "phone", "13700000201"),
                                Map.of("volunteerName", "陈大爷", "phone", "13700000202"))))
                .post("/api/v1/teams").then().statusCode(201)
                .body("categoryLabel", equalTo("治安巡逻")).body("memberCount", equalTo(3))
                .body("leader.cadreId", equalTo(cadre.toString())).body("leader.role", equalTo("LEADER"))
                .body("members.name", containsInAnyOrder("测试老干部", "刘大妈", "陈大爷")).extract().path("id");

        given().auth().oauth2(TestTokens.user("volunteer").communities("SQ201").token())
                .get("/api/v1/teams?communityCode=SQ201&category=SECURITY_PATROL").then().statusCode(200)
                .body("items.id", hasItem(teamId));
        // teams (members' names) are seen inside the scope only
        given().auth().oauth2(TestTokens.user("volunteer").communities("SQ999").token())
                .get("/api/v1/teams?communityCode=SQ201").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ999").token())
                .get("/api/v1/teams/" + teamId).then().statusCode(404);
    }

    @Test
    void membersJoinAndLeaveAndTheLeaderIsAlwaysAMember() {
        String teamId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("name", "文体健身队", "category", "CULTURE_SPORTS", "communityCode", "SQ201"))
                .post("/api/v1/teams").then().statusCode(201).body("memberCount", equalTo(0)).extract().path("id");
        String memberId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "吴阿姨", "phone", "13700000203"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(200).body("memberCount", equalTo(1))
                .extract().path("members[0].volunteerId");
        // joining twice changes nothing
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("volunteerId", memberId))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(200).body("memberCount", equalTo(1));

        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", UUID.randomUUID().toString()))
                .put("/api/v1/teams/" + teamId + "/leader").then().statusCode(400)
                .body("violations.field", hasItem("volunteerId"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("volunteerId", memberId))
                .put("/api/v1/teams/" + teamId + "/leader").then().statusCode(200)
                .body("leader.volunteerId", equalTo(memberId));

        given().auth().oauth2(WORKER).delete("/api/v1/teams/" + teamId + "/members/" + memberId).then()
                .statusCode(200).body("memberCount", equalTo(0)).body("leader", nullValue());
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/teams?volunteerId=" + memberId).then().body("items.id", org.hamcrest.Matchers.not(hasItem(teamId)));
    }

    @Test
    void onlyTheTeamsCommunityManagesIt() {
        String other = TestTokens.user("community-worker").communities("SQ999").token();
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("name", "队", "category", "ENVIRONMENT", "communityCode", "SQ201"))
                .post("/api/v1/teams").then().statusCode(403);
        String teamId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("name", "环境卫生队", "category", "ENVIRONMENT", "communityCode", "SQ201"))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "某人", "phone", "13700000204"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(403);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "communityCode", "SQ201", "members", List.of(Map.of("volunteerName", "无电话"))))
                .post("/api/v1/teams").then().statusCode(400).body("violations.field", hasItem("category"));
    }
}
