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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.OrgRecords;
import shouwang.visit.Profiles;

/** Escalated levels: STREET and BUREAU tasks with who must act, and the street officer's worklist. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class LadderTasksTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    static UUID eastCadre;
    static UUID westCadre;

    @BeforeAll
    static void streets() {
        OrgRecords.street("JD101", "东城街道", "SQ101");
        OrgRecords.street("JD102", "西城街道", "SQ102");
        eastCadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ101", "SQ101-WG01", "DW001"));
        westCadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ102", "SQ102-WG01", "DW001"));
    }

    static Map<String, Object> layer(String layer, String orgCode, String orgName, List<Map<String, Object>> people) {
        return Map.of("layer", layer, "orgCode", orgCode, "orgName", orgName, "people", people);
    }

    static UUID mustVisit(UUID cadreId, int level, Map<String, Object> layer) {
        UUID alertId = UUID.randomUUID();
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", Map.of("alertId", alertId.toString(),
                "cadreId", cadreId.toString(), "kind", "HOSPITALISATION", "level", level,
                "deadline", Instant.now().plus(Duration.ofHours(24)).toString(), "layers", List.of(layer)));
        return alertId;
    }

    static List<Map<String, Object>> tasks(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Map<String, Object> awaitTask(UUID alertId) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !tasks(TestTokens.districtAdmin(), Map.of("alertId", alertId)).isEmpty());
        return tasks(TestTokens.districtAdmin(), Map.of("alertId", alertId)).get(0);
    }

    @Test
    void aStreetLevelTaskShowsTheStreetsNameAndTheFirstPersonListedAsAssignee() {
        UUID alertId = mustVisit(eastCadre, 2, layer("STREET", "JD101", "东城街道",
                List.of(OrgRecords.person("LEADER", "赵卫东", "13905310001"),
                        OrgRecords.person("DUTY_OFFICER", "钱立", "13905310002"))));
        Map<String, Object> task = awaitTask(alertId);
        assertThat(task).containsEntry("layer", "STREET").containsEntry("orgCode", "JD101")
                .containsEntry("orgName", "东城街道").containsEntry("level", 2).containsEntry("status", "OPEN")
                .containsEntry("purpose", "MUST_VISIT").containsEntry("communityCode", "SQ101");
        assertThat(task.get("assignee")).isEqualTo(Map.of("role", "LEADER", "name", "赵卫东", "phone", "13905310001"));
    }

    @Test
    void aBureauLevelTaskIsTheDistrictAdminsWorklist() {
        UUID alertId = mustVisit(westCadre, 3, layer("BUREAU", "QWLGJ", "区委老干部局",
                List.of(OrgRecords.person("DUTY_OFFICER", "孙局", "13905319999"))));
        Map<String, Object> task = awaitTask(alertId);
        assertThat(task).containsEntry("layer", "BUREAU").containsEntry("orgName", "区委老干部局");
        assertThat(tasks(TestTokens.districtAdmin(), Map.of("layer", "BUREAU", "orgCode", "QWLGJ")))
                .extracting(t -> t.get("alertId")).contains(alertId.toString());
        // nobody below the district may filter on the bureau's code
        given().auth().oauth2(TestTokens.user("street-officer").streets("JD102").token())
                .queryParam("layer", "BUREAU").queryParam("orgCode", "QWLGJ").get("/api/v1/tasks")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aStreetOfficerSeesOnlyTheStreetTasksOfItsStreetsCommunities() {
        UUID east = mustVisit(eastCadre, 2, layer("STREET", "JD101", "东城街道", List.of()));
        UUID west = mustVisit(westCadre, 2, layer("STREET", "JD102", "西城街道", List.of()));
        awaitTask(east);
        Map<String, Object> westTask = awaitTask(west);
        String officer = TestTokens.user("street-officer").streets("JD101").token();

        List<Map<String, Object>> worklist = tasks(officer, Map.of("layer", "STREET", "size", 500));
        assertThat(worklist).extracting(t -> t.get("alertId")).contains(east.toString())
                .doesNotContain(west.toString());
        assertThat(worklist).allSatisfy(t -> assertThat(t.get("communityCode")).isEqualTo("SQ101"));
        given().auth().oauth2(officer).get("/api/v1/tasks/" + westTask.get("id")).then().statusCode(404);
        given().auth().oauth2(officer).queryParam("layer", "STREET").queryParam("orgCode", "JD102")
                .get("/api/v1/tasks").then().statusCode(403);
        given().auth().oauth2(officer).queryParam("cadreId", westCadre).get("/api/v1/tasks").then().statusCode(403);
        // a street officer without known streets sees nothing
        assertThat(tasks(TestTokens.user("street-officer").streets("JD999").token(), Map.of("layer", "STREET")))
                .isEmpty();
    }

    @Test
    void aStreetOfficerLogsTheVisitOfItsStreetTaskAndNoOtherLayer() {
        UUID alertId = mustVisit(eastCadre, 2, layer("STREET", "JD101", "东城街道", List.of()));
        Map<String, Object> task = awaitTask(alertId);
        String officer = TestTokens.user("street-officer").streets("JD101").token();

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("cadreId", eastCadre, "visitedAt", Instant.now().toString(), "channel", "IN_PERSON",
                        "layer", "COMMUNITY", "visitorName", "钱立"))
                .post("/api/v1/visits").then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("cadreId", westCadre, "visitedAt", Instant.now().toString(), "channel", "IN_PERSON",
                        "layer", "STREET", "visitorName", "钱立"))
                .post("/api/v1/visits").then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("cadreId", eastCadre, "visitedAt", Instant.now().toString(), "channel", "IN_PERSON",
                        "visitorName", "钱立", "taskId", task.get("id")))
                .post("/api/v1/visits").then().statusCode(201)
                .body("layer", equalTo("STREET")).body("purpose", equalTo("MUST_VISIT"))
                .body("taskCompleted", equalTo(true));
        given().auth().oauth2(officer).get("/api/v1/tasks/" + task.get("id")).then().statusCode(200)
                .body("status", equalTo("DONE"));
    }

    @Test
    void anOlderOrgRecordDoesNotUndoANewerOne() {
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "SQ103", "南门社区", "JD101", 3, List.of()));
        TopicProbe.publish("org-records", "COMMUNITY:SQ103", "OrgRecordChanged",
                OrgRecords.record("COMMUNITY", "SQ103", "南门社区", "JD102", 2, List.of()));
        // a later record proves the stale one was consumed before it
        OrgRecords.applied(OrgRecords.record("COMMUNITY", "SQ104", "北门社区", "JD102", 1, List.of()));
        assertThat(shouwang.visit.TestDb.queryLong(
                "select count(*) from org_record where code = 'SQ103' and parent_code = 'JD101' and version = 3"))
                .isEqualTo(1);
    }
}
