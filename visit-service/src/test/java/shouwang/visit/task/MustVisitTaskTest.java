package shouwang.visit.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import shouwang.visit.TestDb;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class MustVisitTaskTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static Map<String, Object> mustVisit(UUID alertId, UUID cadreId, int level, Instant deadline, String unit,
            String community) {
        return Map.of("alertId", alertId.toString(), "cadreId", cadreId.toString(), "kind", "HOSPITALISATION",
                "level", level, "deadline", deadline.toString(),
                "layers", List.of(Map.of("layer", "UNIT", "orgCode", unit), Map.of("layer", "COMMUNITY", "orgCode", community)),
                "notify", List.of());
    }

    static List<Map<String, Object>> tasksOf(UUID cadreId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId)
                .get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> awaitTasks(UUID cadreId, int count) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> tasksOf(cadreId).size() >= count);
        return tasksOf(cadreId);
    }

    @Test
    void mustVisitRequiredMakesOneTaskPerLayerForTheResponsibleOrgsAndAnnouncesThem() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID alertId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(Duration.ofHours(24));
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", mustVisit(alertId, cadreId, 0, deadline, "DW001", "SQ001"));

        List<Map<String, Object>> tasks = awaitTasks(cadreId, 2);
        assertThat(tasks).extracting(t -> t.get("layer") + "/" + t.get("orgCode") + "/" + t.get("status"))
                .containsExactlyInAnyOrder("UNIT/DW001/OPEN", "COMMUNITY/SQ001/OPEN");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get("alertId")).isEqualTo(alertId.toString());
            assertThat(Instant.parse((String) t.get("deadline"))).isCloseTo(deadline, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        });

        List<TopicProbe.Received> created = TopicProbe.events("visits", "MustVisitTaskCreated",
                d -> d.path("alertId").asText().equals(alertId.toString()), 2, WAIT);
        assertThat(created).hasSize(2);
        assertThat(created).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(cadreId.toString());
            assertThat(r.data().path("level").asInt()).isZero();
            assertThat(r.data().path("cadreId").asText()).isEqualTo(cadreId.toString());
        });
    }

    @Test
    void theSameMustVisitRequiredTwiceMakesNoSecondTaskEvenUnderANewEventId() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID alertId = UUID.randomUUID();
        Map<String, Object> event = mustVisit(alertId, cadreId, 0, Instant.now().plus(Duration.ofHours(24)), "DW001", "SQ001");
        String ceId = TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", event);
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", event, ceId); // redelivery
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", event); // replay under a new id
        // the next level of the same alert is a new pair of tasks
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(alertId, cadreId, 1, Instant.now().plus(Duration.ofHours(48)), "DW001", "SQ001"));

        awaitTasks(cadreId, 4);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> tasksOf(cadreId).size() == 4);
        assertThat(tasksOf(cadreId)).extracting(t -> t.get("level") + "/" + t.get("layer"))
                .containsExactlyInAnyOrder("0/UNIT", "0/COMMUNITY", "1/UNIT", "1/COMMUNITY");
    }

    @Test
    void aCadreTheReadModelDoesNotKnowYetStillGetsTasksPlacedByTheEventsOrgCodes() {
        UUID cadreId = UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(alertId, cadreId, 0, Instant.now().plus(Duration.ofHours(2)), "DW009", "SQ009"));
        awaitTasks(cadreId, 2);

        // the community worker of SQ009 sees them in its worklist
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ009").token())
                .queryParam("cadreId", cadreId).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ001").token())
                .queryParam("cadreId", cadreId).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void otherAlertEventsMakeNoTask() {
        UUID cadreId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "AlertRaised", Map.of("alertId", UUID.randomUUID().toString(),
                "cadreId", cadreId.toString(), "kind", "HOSPITALISATION", "level", 0));
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(alertId, cadreId, 0, Instant.now().plus(Duration.ofHours(2)), "DW001", "SQ001"));
        awaitTasks(cadreId, 2);
        assertThat(tasksOf(cadreId)).allSatisfy(t -> assertThat(t.get("alertId")).isEqualTo(alertId.toString()));
    }

    @Test
    void aVisitNamingTheTaskCompletesItAndAnnouncesTheCompletion() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(alertId, cadreId, 0, Instant.now().plus(Duration.ofHours(24)), "DW001", "SQ001"));
        Map<String, Object> communityTask = awaitTasks(cadreId, 2).stream()
                .filter(t -> t.get("layer").equals("COMMUNITY")).findFirst().orElseThrow();

        JsonPath visit = given().auth().oauth2(TestTokens.user("community-worker").communities("SQ001").token())
                .contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", Instant.now().toString(), "channel", "IN_PERSON",
                        "visitorName", "赵敏", "taskId", communityTask.get("id"), "notes", "住院后探望"))
                .post("/api/v1/visits").then().statusCode(201)
                .body("layer", equalTo("COMMUNITY")).body("taskCompleted", equalTo(true))
                .extract().jsonPath();

        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/tasks/" + communityTask.get("id"))
                .then().statusCode(200).body("status", equalTo("DONE"))
                .body("completedAt", org.hamcrest.Matchers.notNullValue())
                .body("visitId", equalTo(visit.getString("id")));
        List<TopicProbe.Received> completed = TopicProbe.events("visits", "MustVisitTaskCompleted",
                d -> d.path("taskId").asText().equals(communityTask.get("id")), 1, WAIT);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).data().path("visitId").asText()).isEqualTo(visit.getString("id"));
        assertThat(completed.get(0).data().path("alertId").asText()).isEqualTo(alertId.toString());
        // the unit's task is still open
        assertThat(tasksOf(cadreId)).filteredOn(t -> t.get("layer").equals("UNIT"))
                .extracting(t -> t.get("status")).containsExactly("OPEN");
    }

    @Test
    void anOpenTaskBecomesMissedWithinASecondOfItsDeadlineAndIsAnnouncedOnce() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID alertId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", mustVisit(alertId, cadreId, 2, deadline, "DW001", "SQ001"));
        awaitTasks(cadreId, 2);

        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> tasksOf(cadreId).stream().allMatch(t -> t.get("status").equals("MISSED")));
        for (Map<String, Object> task : tasksOf(cadreId)) {
            Duration lag = Duration.between(Instant.parse((String) task.get("deadline")), Instant.parse((String) task.get("missedAt")));
            assertThat(lag).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        }
        List<TopicProbe.Received> missed = TopicProbe.events("visits", "VisitMissed",
                d -> d.path("alertId").asText().equals(alertId.toString()), 2, WAIT);
        assertThat(missed).hasSize(2);
        assertThat(missed).allSatisfy(r -> {
            assertThat(r.data().path("kind").asText()).isEqualTo("MUST_VISIT");
            assertThat(r.data().path("level").asInt()).isEqualTo(2);
            assertThat(r.data().path("cadreId").asText()).isEqualTo(cadreId.toString());
        });
        assertThat(missed).extracting(r -> r.data().path("layer").asText() + "/" + r.data().path("orgCode").asText())
                .containsExactlyInAnyOrder("UNIT/DW001", "COMMUNITY/SQ001");
        // operators see the count and the detection lag
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("shouwang_visit_tasks_missed_total{community=\"SQ001\""))
                .body(org.hamcrest.Matchers.containsString("shouwang_visit_missed_detection_lag_seconds_max"));
    }

    @jakarta.inject.Inject
    TaskService taskService;

    @Test
    void severalScannersAtOnceAnnounceEachMissedTaskExactlyOnce() throws Exception {
        String kind = "R-" + UUID.randomUUID();
        TestDb.update("insert into must_visit_task (id, cadre_id, alert_id, kind, level, layer, org_code, status, deadline) "
                + "select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ?, 0, 'UNIT', 'DW001', 'OPEN', "
                + "now() + interval '1 second' from generate_series(1, 300)", kind);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            replicas.submit(() -> {
                while (running.get()) {
                    taskService.markDueTasksMissed(20);
                    Thread.sleep(5);
                }
                return null;
            });
        }
        try {
            Awaitility.await().atMost(WAIT).until(() -> TestDb.queryLong(
                    "select count(*) from must_visit_task where kind = ? and status = 'MISSED'", kind) == 300);
        } finally {
            running.set(false);
            replicas.shutdown();
            replicas.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        long announced = TestDb.queryLong("select count(*) from outbox_event where event_type = 'shouwang.VisitMissed.v1' "
                + "and cast(payload as jsonb) ->> 'taskId' in (select cast(id as text) from must_visit_task where kind = ?)", kind);
        long distinct = TestDb.queryLong("select count(distinct cast(payload as jsonb) ->> 'taskId') from outbox_event "
                + "where event_type = 'shouwang.VisitMissed.v1' and cast(payload as jsonb) ->> 'taskId' in "
                + "(select cast(id as text) from must_visit_task where kind = ?)", kind);
        assertThat(announced).isEqualTo(300);
        assertThat(distinct).isEqualTo(300);
    }

    @Test
    void aDeceasedCadresOpenTasksAreCancelled() {
        Map<String, Object> profile = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        UUID cadreId = Profiles.registered(profile);
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(UUID.randomUUID(), cadreId, 0, Instant.now().plus(Duration.ofHours(24)), "DW001", "SQ001"));
        awaitTasks(cadreId, 2);

        profile.put("version", 2);
        profile.put("status", "DECEASED");
        profile.put("deceasedOn", "2026-11-20");
        Profiles.publish(profile, "CadreDeceased");
        Awaitility.await().atMost(WAIT).until(() -> tasksOf(cadreId).stream().allMatch(t -> t.get("status").equals("CANCELLED")));
        assertThat(tasksOf(cadreId)).extracting(t -> t.get("cancelReason")).containsOnly("CADRE_DECEASED");
    }

    @Test
    void aResolvedAlertsOpenTasksAreCancelledAndItsDoneTasksStayDone() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(alertId, cadreId, 0, Instant.now().plus(Duration.ofHours(24)), "DW001", "SQ001"));
        List<Map<String, Object>> tasks = awaitTasks(cadreId, 2);
        Map<String, Object> unitTask = tasks.stream().filter(t -> "UNIT".equals(t.get("layer"))).findFirst().orElseThrow();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId.toString(), "visitedAt", Instant.now().toString(), "channel", "PHONE",
                        "taskId", unitTask.get("id"), "visitorName", "李红"))
                .post("/api/v1/visits").then().statusCode(201);

        TopicProbe.publish("alerts", cadreId.toString(), "AlertResolved", Map.of("alertId", alertId.toString(),
                "cadreId", cadreId.toString(), "kind", "HOSPITALISATION", "level", 0, "resolution", "MANUAL",
                "reason", "家属已接回照护"));

        Awaitility.await().atMost(WAIT).until(() -> tasksOf(cadreId).stream()
                .anyMatch(t -> "CANCELLED".equals(t.get("status"))));
        assertThat(tasksOf(cadreId)).extracting(t -> t.get("layer") + "/" + t.get("status"))
                .containsExactlyInAnyOrder("UNIT/DONE", "COMMUNITY/CANCELLED");
        assertThat(tasksOf(cadreId)).filteredOn(t -> "CANCELLED".equals(t.get("status")))
                .extracting(t -> t.get("cancelReason")).containsOnly("ALERT_RESOLVED");
    }

    @Test
    void aMoveHandsTheCommunityTaskToTheNewCommunity() {
        Map<String, Object> profile = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        UUID cadreId = Profiles.registered(profile);
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired",
                mustVisit(UUID.randomUUID(), cadreId, 0, Instant.now().plus(Duration.ofHours(24)), "DW001", "SQ001"));
        awaitTasks(cadreId, 2);

        Map<String, Object> moved = Profiles.profile(cadreId, 2, "SQ002", "SQ002-WG03", "DW001");
        Profiles.publish(moved, "CadreUpdated");
        Profiles.awaitVersion(moved);

        assertThat(tasksOf(cadreId)).extracting(t -> t.get("layer") + "/" + t.get("orgCode") + "/" + t.get("communityCode"))
                .containsExactlyInAnyOrder("UNIT/DW001/SQ002", "COMMUNITY/SQ002/SQ002");
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ002").token())
                .queryParam("cadreId", cadreId).get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aMustVisitRequiredWithoutDeadlineGoesToTheDeadLetterTopic() {
        UUID cadreId = UUID.randomUUID();
        Map<String, Object> event = new java.util.HashMap<>(mustVisit(UUID.randomUUID(), cadreId, 0, Instant.now(), "DW001", "SQ001"));
        event.remove("deadline");
        String ceId = TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", event);
        List<TopicProbe.Received> dead = TopicProbe.received("alerts.dlq", r -> cadreId.toString().equals(r.key()), 1, WAIT);
        // the DLQ is at least once (docs/events.md): this one record, perhaps sent again after a rebalance
        assertThat(dead).extracting(TopicProbe.Received::id).containsOnly(ceId);
        assertThat(dead.get(0).headers().get("dead-letter-reason")).contains("deadline");
        assertThat(tasksOf(cadreId)).isEmpty();
    }

    @Test
    void taskListsRejectBadFiltersNamingTheParameter() {
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("status", "LATE").get("/api/v1/tasks")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("updatedSince", "yesterday").get("/api/v1/tasks")
                .then().statusCode(400).body("violations[0].field", equalTo("updatedSince"));
    }
}
