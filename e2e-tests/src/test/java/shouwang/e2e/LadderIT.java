package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * The whole ladder, as a district sets it up and lives it: a street office and the bureau are org records with their
 * people; a signal nobody answers climbs from the unit and community (level 0) to their leaders (1), the street office
 * of the cadre's community (2) and the district bureau (3). Each level's task lands in that actor's worklist, and the
 * events name the people to call, with their phones, as the registry holds them.
 */
class LadderIT {

    private static final String STREET_LEADER_PHONE = "13905319001";
    private static final String COMMUNITY_LEADER_PHONE = "13905319002";
    private static final String UNIT_LEADER_PHONE = "13905319003";
    private static final String BUREAU_DUTY_PHONE = "13905319004";

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();

    @Test
    void anUnansweredSignalClimbsToTheStreetOfficeAndTheBureauAndEachSeesItsTask() {
        String[] orgs = Fixtures.orgs(platform);
        String street = "E2EJD" + orgs[1].substring("E2ESQ".length());
        String otherStreet = street + "X";
        Fixtures.street(platform, street, "端到端街道");
        Fixtures.street(platform, otherStreet, "别的街道");
        setPeople("streets", street, List.of(person("LEADER", "赵卫东", STREET_LEADER_PHONE)));
        Fixtures.editOrg(platform, "communities", orgs[1], Map.of("streetCode", street));
        setPeople("communities", orgs[1], List.of(person("LEADER", "钱主任", COMMUNITY_LEADER_PHONE)));
        setPeople("units", orgs[0], List.of(person("LEADER", "孙局长", UNIT_LEADER_PHONE)));
        String bureau = bureauWithDutyOfficer();
        String cadreId = Fixtures.cadre(platform, orgs, "吴德明");
        Fixtures.shortenDeadline(platform, "FAMILY_CONFLICT", "PT4S");

        String alertId = Fixtures.signal(platform, UUID.randomUUID().toString(), cadreId, orgs[2], "FAMILY_CONFLICT",
                "端到端测试: 无人响应");

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId)
                        .then().statusCode(200).body("level", equalTo(3)));

        Map<String, Object> streetTask = awaitTask(cadreId, "STREET");
        assertThat(streetTask.get("orgCode")).isEqualTo(street);
        assertThat(((Number) streetTask.get("level")).intValue()).isEqualTo(2);
        Map<String, Object> bureauTask = awaitTask(cadreId, "BUREAU");
        assertThat(bureauTask.get("orgCode")).isEqualTo(bureau);
        assertThat(((Number) bureauTask.get("level")).intValue()).isEqualTo(3);

        String streetOfficer = TestTokens.user("street-officer").streets(street).token();
        assertThat(ids(Service.VISIT, "/tasks", streetOfficer, Map.of("layer", "STREET", "cadreId", cadreId)))
                .as("the street officer's worklist has the STREET task").contains((String) streetTask.get("id"));
        assertThat(ids(Service.ALERT, "/alerts", streetOfficer, Map.of("cadreId", cadreId)))
                .as("and the alert").contains(alertId);
        String otherOfficer = TestTokens.user("street-officer").streets(otherStreet).token();
        assertThat(ids(Service.VISIT, "/tasks", otherOfficer, Map.of("layer", "STREET"))).as("another street's")
                .doesNotContain((String) streetTask.get("id"));
        assertThat(ids(Service.ALERT, "/alerts", otherOfficer, Map.of())).doesNotContain(alertId);
        assertThat(ids(Service.VISIT, "/tasks", admin, Map.of("layer", "BUREAU", "cadreId", cadreId)))
                .as("the bureau's worklist has the BUREAU task").contains((String) bureauTask.get("id"));

        List<ConsumerRecord<String, String>> escalations = TopicProbe.await("alerts", r -> cadreId.equals(r.key())
                && "shouwang.AlertEscalated.v1".equals(TopicProbe.header(r, "ce_type")), 3, Duration.ofSeconds(30));
        String toLeaders = valueAt(escalations, "\"level\":1");
        assertThat(toLeaders).as("level 1 names the unit's and the community's leaders")
                .contains(UNIT_LEADER_PHONE, COMMUNITY_LEADER_PHONE);
        assertThat(valueAt(escalations, "\"level\":2")).as("level 2 names the street office's leader")
                .contains(STREET_LEADER_PHONE, street);
        assertThat(valueAt(escalations, "\"level\":3")).as("level 3 names the bureau's duty officer")
                .contains(BUREAU_DUTY_PHONE);

        given().auth().oauth2(streetOfficer).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", OffsetDateTime.now().toString(), "channel", "IN_PERSON",
                        "visitorName", "赵卫东", "layer", "STREET", "taskId", streetTask.get("id"), "notes", "街道走访"))
                .post(platform.api(Service.VISIT) + "/visits")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(task(cadreId, (String) streetTask.get("id")).get("status")).isEqualTo("DONE"));
    }

    private static String valueAt(List<ConsumerRecord<String, String>> records, String marker) {
        return records.stream().map(ConsumerRecord::value).filter(v -> v.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no AlertEscalated with " + marker + " among " + records.size()));
    }

    private static Map<String, Object> person(String role, String name, String phone) {
        return Map.of("role", role, "name", name, "phone", phone);
    }

    private void setPeople(String kind, String code, List<Map<String, Object>> people) {
        Fixtures.editOrg(platform, kind, code, Map.of("people", people));
    }

    private String bureauWithDutyOfficer() {
        String path = platform.api(Service.REGISTRY) + "/org/bureau";
        JsonPath record = given().auth().oauth2(admin).get(path).then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", record.getString("name"), "version", record.get("version"), "active", true,
                        "people", List.of(person("DUTY_OFFICER", "值班员", BUREAU_DUTY_PHONE))))
                .put(path).then().statusCode(200);
        return record.getString("code");
    }

    private Map<String, Object> awaitTask(String cadreId, String layer) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tasks(cadreId).stream().anyMatch(t -> layer.equals(t.get("layer"))));
        return tasks(cadreId).stream().filter(t -> layer.equals(t.get("layer"))).findFirst().orElseThrow();
    }

    private Map<String, Object> task(String cadreId, String id) {
        return tasks(cadreId).stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> tasks(String cadreId) {
        return given().auth().oauth2(admin).queryParam("cadreId", cadreId).queryParam("size", 100)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private List<String> ids(Service service, String path, String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).queryParam("size", 200)
                .get(platform.api(service) + path).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

}
