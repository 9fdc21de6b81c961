package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/**
 * 送学上门 across registry and visit services: a branch's study session in registry-service makes one STUDY_DELIVERY
 * task in visit-service for every member who was not there, a study-delivery visit completes it, and the session's
 * coverage shows who has had the study.
 */
class StudyDeliveryIT {

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();

    @Test
    void membersAbsentFromAStudySessionGetItDeliveredAtHome() {
        String[] orgs = Fixtures.orgs(platform);
        String attendee = Fixtures.cadre(platform, orgs, "孔繁荣");
        String visited = Fixtures.cadre(platform, orgs, "柳淑芬");
        String waiting = Fixtures.cadre(platform, orgs, "柏德顺");
        String branch = "DZB-" + orgs[1];
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", branch, "name", "离退休干部综合党支部", "communityCode", orgs[1]))
                .post(platform.api(Service.REGISTRY) + "/party-branches").then().statusCode(201);
        for (String member : List.of(attendee, visited, waiting)) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("branchCode", branch))
                    .put(platform.api(Service.REGISTRY) + "/cadres/" + member + "/party-branch")
                    .then().statusCode(200);
        }

        String sessionId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("topic", "学习党的二十届四中全会精神", "heldOn", Platform.today().minusDays(1).toString(),
                        "attendeeIds", List.of(attendee)))
                .post(platform.api(Service.REGISTRY) + "/party-branches/" + branch + "/study-sessions")
                .then().statusCode(201).extract().path("id");

        String community = TestTokens.user("community-worker").communities(orgs[1]).token();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                studyTasks(community, orgs[1]).keySet().containsAll(List.of(visited, waiting)));
        Map<String, Map<String, Object>> tasks = studyTasks(community, orgs[1]);
        assertThat(tasks).as("the attendee needs no delivery").doesNotContainKey(attendee);
        assertThat(tasks.values()).extracting(t -> t.get("layer")).containsOnly("COMMUNITY");
        assertThat(tasks.values()).extracting(t -> t.get("status")).containsOnly("OPEN");

        given().auth().oauth2(community).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "cadreId", visited,
                        "visitedAt", OffsetDateTime.now().minusMinutes(5).toString(), "channel", "IN_PERSON",
                        "visitorName", "社区书记", "layer", "COMMUNITY", "purpose", "STUDY_DELIVERY",
                        "notes", "送学上门，讲解会议精神"))
                .post(platform.api(Service.VISIT) + "/visits").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(studyTasks(community, orgs[1]).get(visited)).containsEntry("status", "DONE"));
        assertThat(studyTasks(community, orgs[1]).get(waiting)).containsEntry("status", "OPEN");

        Map<String, Object> coverage = given().auth().oauth2(community).queryParam("size", 50)
                .get(platform.api(Service.VISIT) + "/study-sessions/" + sessionId + "/coverage")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(coverage).containsEntry("members", 3).containsEntry("attended", 1).containsEntry("delivered", 1)
                .containsEntry("pending", 1);
        @SuppressWarnings("unchecked")
        Map<Object, Object> statuses = ((List<Map<String, Object>>) coverage.get("items")).stream()
                .collect(Collectors.toMap(item -> item.get("cadreId"), item -> item.get("status")));
        assertThat(statuses).containsEntry(attendee, "ATTENDED").containsEntry(visited, "DELIVERED")
                .containsEntry(waiting, "PENDING");
    }

    private Map<String, Map<String, Object>> studyTasks(String token, String communityCode) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("orgCode", communityCode)
                .queryParam("purpose", "STUDY_DELIVERY").queryParam("size", 100)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return items.stream().collect(Collectors.toMap(t -> (String) t.get("cadreId"), t -> t, (a, b) -> a));
    }
}
