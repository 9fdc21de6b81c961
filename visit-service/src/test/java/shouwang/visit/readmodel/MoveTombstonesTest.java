package shouwang.visit.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;

/** Offline devices: after a cadre's move, worklists asked with updatedSince say what left the old community. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class MoveTombstonesTest {

    static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    static JsonPath list(String token, String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMoveTombstonesTheTasksIssuesAndGreetingsTheOldCommunityHeldAndTheyFollowTheCadre() throws Exception {
        String from = code("MV");
        String to = code("MV");
        Map<String, Object> profile = Profiles.born(Profiles.profile(UUID.randomUUID(), 1, from, from + "-WG01",
                "DW001"), java.time.LocalDate.now().plusDays(5).minusYears(85));
        UUID cadre = Profiles.registered(profile);
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadre.toString(), "MustVisitRequired", Map.of("alertId", alertId.toString(),
                "cadreId", cadre.toString(), "kind", "HOSPITALISATION", "level", 0,
                "deadline", Instant.now().plus(Duration.ofHours(24)).toString(),
                "layers", List.of(Map.of("layer", "COMMUNITY", "orgCode", from))));
        String oldWorker = TestTokens.user("community-worker").communities(from).token();
        String newWorker = TestTokens.user("community-worker").communities(to).token();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> list(oldWorker, "/api/v1/tasks", Map.of("cadreId", cadre)).getInt("total") == 1);
        String taskId = list(oldWorker, "/api/v1/tasks", Map.of("cadreId", cadre)).getString("items[0].id");
        String issueId = given().auth().oauth2(oldWorker).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre, "visitedAt", Instant.now().toString(), "channel", "IN_PERSON",
                        "layer", "COMMUNITY", "needs", List.of(Map.of("description", "卫生间需要安装扶手"))))
                .post("/api/v1/visits").then().statusCode(201).extract().jsonPath().getString("issueIds[0]");
        String campaignId = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("type", "BIRTHDAY_80", "communityCodes", List.of(from, to)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getString("id");
        String greetings = "/api/v1/campaigns/" + campaignId + "/tasks";
        String greetingId = list(oldWorker, greetings, Map.of()).getString("items[0].id");

        Instant synced = Instant.now();
        Thread.sleep(5); // the device's last sync lies strictly before the move
        profile.put("version", 2);
        profile.put("communityCode", to);
        profile.put("gridCode", to + "-WG01");
        Profiles.publish(profile, "CadreUpdated");
        Profiles.awaitVersion(profile);

        // the old community's device is told to drop each record, and no longer gets it
        Map<String, Object> since = Map.of("updatedSince", synced.toString());
        JsonPath tasks = list(oldWorker, "/api/v1/tasks", since);
        assertThat(tasks.getList("removed.id")).containsExactly(taskId);
        assertThat(tasks.getList("removed.reason")).containsOnly("MOVED");
        assertThat(tasks.getList("items.id")).doesNotContain(taskId);
        JsonPath issues = list(oldWorker, "/api/v1/issues", since);
        assertThat(issues.getList("removed.id")).containsExactly(issueId);
        assertThat(list(oldWorker, greetings, since).getList("removed.id")).containsExactly(greetingId);
        assertThat(list(oldWorker, "/api/v1/visits", since).getList("removed")).isEmpty();
        // without updatedSince a list carries no "removed"
        assertThat(list(oldWorker, "/api/v1/tasks", Map.of()).getMap("$")).doesNotContainKey("removed");

        // the new community gets them as changed items, the open issue now owned by it
        assertThat(list(newWorker, "/api/v1/tasks", since).getList("items.id")).contains(taskId);
        assertThat(list(newWorker, "/api/v1/tasks", since).getList("removed")).isEmpty();
        JsonPath moved = list(newWorker, "/api/v1/issues", since);
        assertThat(moved.getList("items.id")).containsExactly(issueId);
        assertThat(moved.getString("items[0].ownerOrgCode")).isEqualTo(to);
        assertThat(moved.getString("items[0].communityCode")).isEqualTo(to);
        assertThat(list(newWorker, greetings, since).getList("items.id")).containsExactly(greetingId);

        // a death closes the open items of the issue list
        profile.put("version", 3);
        profile.put("status", "DECEASED");
        Profiles.publish(profile, "CadreDeceased");
        Profiles.awaitVersion(profile);
        given().auth().oauth2(newWorker).get("/api/v1/issues/" + issueId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
    }
}
