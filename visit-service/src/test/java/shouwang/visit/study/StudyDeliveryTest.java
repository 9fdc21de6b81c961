package shouwang.visit.study;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class StudyDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String SQ001_WORKER = TestTokens.user("community-worker").communities("SQ001").token();

    static UUID cadreIn(String community, String grid) {
        return Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, grid, "DW001"));
    }

    static List<Map<String, Object>> tasks(UUID cadreId, String purpose) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId)
                .queryParam("purpose", purpose).get("/api/v1/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    static Map<String, Object> visit(UUID cadreId, String layer, String purpose) {
        Map<String, Object> body = new HashMap<>();
        body.put("cadreId", cadreId);
        body.put("visitedAt", Instant.now().minusSeconds(60).toString());
        body.put("channel", "IN_PERSON");
        body.put("layer", layer);
        body.put("purpose", purpose);
        return body;
    }

    @Test
    void aStudySessionGivesEachAbsenteeOneStudyDeliveryTaskThatAStudyDeliveryVisitCompletes() {
        UUID attendee = cadreIn("SQ001", "SQ001-WG01");
        UUID delivered = cadreIn("SQ001", "SQ001-WG01");
        UUID pending = cadreIn("SQ001", "SQ001-WG01");
        UUID elsewhere = cadreIn("SQ002", "SQ002-WG01");
        UUID sessionId = UUID.randomUUID();
        Map<String, Object> held = Map.of("sessionId", sessionId.toString(), "branchCode", "DZB-SQ001",
                "branchName", "SQ001离退休综合党支部", "communityCode", "SQ001", "topic", "学习二十届四中全会精神",
                "heldOn", LocalDate.now().toString(), "attendeeIds", List.of(attendee.toString()),
                "absenteeIds", List.of(delivered.toString(), pending.toString(), elsewhere.toString()),
                "recordedAt", Instant.now().toString());
        String ceId = TopicProbe.publish("party-branches", "DZB-SQ001", "StudySessionHeld", held);
        TopicProbe.publish("party-branches", "DZB-SQ001", "StudySessionHeld", held, ceId); // redelivery
        TopicProbe.publish("party-branches", "DZB-SQ001", "StudySessionHeld", held); // replay under a new id

        Awaitility.await().atMost(WAIT).until(() -> tasks(elsewhere, "STUDY_DELIVERY").size() == 1);
        assertThat(tasks(attendee, "STUDY_DELIVERY")).isEmpty();
        Map<String, Object> task = tasks(delivered, "STUDY_DELIVERY").get(0);
        assertThat(task.get("alertId")).isNull();
        assertThat(task.get("layer")).isEqualTo("COMMUNITY");
        assertThat(task.get("orgCode")).isEqualTo("SQ001");
        assertThat(task.get("studySessionId")).isEqualTo(sessionId.toString());
        assertThat(task.get("status")).isEqualTo("OPEN");
        List<TopicProbe.Received> created = TopicProbe.events("visits", "MustVisitTaskCreated",
                d -> d.path("studySessionId").asText().equals(sessionId.toString()), 3, WAIT);
        assertThat(created).hasSize(3).allSatisfy(r -> {
            assertThat(r.data().path("alertId").isNull()).isTrue();
            assertThat(r.data().path("purpose").asText()).isEqualTo("STUDY_DELIVERY");
        });

        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON)
                .body(visit(delivered, "COMMUNITY", "STUDY_DELIVERY")).post("/api/v1/visits")
                .then().statusCode(201);
        assertThat(tasks(delivered, "STUDY_DELIVERY").get(0).get("status")).isEqualTo("DONE");
        assertThat(tasks(pending, "STUDY_DELIVERY").get(0).get("status")).isEqualTo("OPEN");

        JsonPath all = given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/study-sessions/{id}/coverage", sessionId).then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("members")).isEqualTo(4);
        assertThat(all.getInt("attended")).isEqualTo(1);
        assertThat(all.getInt("delivered")).isEqualTo(1);
        assertThat(all.getInt("pending")).isEqualTo(2);
        Map<String, String> status = new HashMap<>();
        all.<Map<String, Object>>getList("items").forEach(i -> status.put((String) i.get("cadreId"), (String) i.get("status")));
        assertThat(status).containsEntry(attendee.toString(), "ATTENDED").containsEntry(delivered.toString(), "DELIVERED")
                .containsEntry(pending.toString(), "PENDING").containsEntry(elsewhere.toString(), "PENDING");

        // SQ001's worker sees its own three members only; counts follow what it sees
        given().auth().oauth2(SQ001_WORKER).get("/api/v1/study-sessions/{id}/coverage", sessionId)
                .then().statusCode(200).body("members", equalTo(3)).body("pending", equalTo(1))
                .body("total", equalTo(3));
        given().auth().oauth2(SQ001_WORKER).get("/api/v1/study-sessions/{id}/coverage", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void anActivityAbsenceFlagGivesTheGridOneRoutineTaskThatAContactedGridVisitCompletes() {
        UUID cadreId = cadreIn("SQ001", "SQ001-WG01");
        UUID activityId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            TopicProbe.publish("volunteering", cadreId.toString(), "ActivityAbsenceFlagged", Map.of(
                    "flagId", UUID.randomUUID().toString(), "cadreId", cadreId.toString(),
                    "activityId", activityId.toString(), "activityTitle", "老年大学书法班", "activityKind", "CLASS",
                    "missedSessions", List.of(3, 4, 5), "lastSessionOn", LocalDate.now().toString(),
                    "communityCode", "SQ001", "gridCode", "SQ001-WG01", "flaggedAt", Instant.now().toString()));
        }
        // a service request on the same topic is not visit-service's business (and not poison)
        TopicProbe.publish("volunteering", cadreId.toString(), "ServiceRequested",
                Map.of("requestId", UUID.randomUUID().toString(), "cadreId", cadreId.toString()));
        Awaitility.await().atMost(WAIT).until(() -> tasks(cadreId, "ROUTINE").size() == 1);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> tasks(cadreId, "ROUTINE").size() == 1);
        Map<String, Object> task = tasks(cadreId, "ROUTINE").get(0);
        assertThat(task.get("reason")).isEqualTo("ACTIVITY_ABSENCE");
        assertThat(task.get("layer")).isEqualTo("GRID");
        assertThat(task.get("orgCode")).isEqualTo("SQ001-WG01");
        assertThat(task.get("alertId")).isNull();

        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(visit(cadreId, "GRID", "ROUTINE"))
                .post("/api/v1/visits").then().statusCode(201);
        assertThat(tasks(cadreId, "ROUTINE").get(0).get("status")).isEqualTo("DONE");
        assertThat(TopicProbe.events("visits", "MustVisitTaskCompleted",
                d -> d.path("taskId").asText().equals(task.get("id")), 1, WAIT).get(0).data().path("reason").asText())
                .isEqualTo("ACTIVITY_ABSENCE");
    }
}
