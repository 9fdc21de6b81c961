package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
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
 * The must-visit chain across registry, alert and visit services, over REST and Kafka only: a signal makes one UNIT
 * and one COMMUNITY task; visits resolve the alert; missed deadlines escalate; the same signal twice makes nothing new.
 */
class MustVisitChainIT {

    private static final String DETAILS = "端到端测试";

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();

    @Test
    void aSignalMakesOneUnitAndOneCommunityTaskAndVisitsResolveTheAlert() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "陈志远");
        String signalId = UUID.randomUUID().toString();

        String alertId = Fixtures.signal(platform, signalId, cadreId, orgs[2], "HOSPITALISATION", DETAILS);
        List<Map<String, Object>> tasks = awaitTasks(cadreId, 2);

        assertThat(tasks).extracting(t -> t.get("layer")).containsExactlyInAnyOrder("UNIT", "COMMUNITY");
        assertThat(tasks).extracting(t -> t.get("alertId")).containsOnly(alertId);
        assertThat(tasks).extracting(t -> t.get("orgCode")).containsExactlyInAnyOrder(orgs[0], orgs[1]);
        assertThat(tasks).extracting(t -> t.get("status")).containsOnly("OPEN");

        assertThat(Fixtures.signal(platform, signalId, cadreId, orgs[2], "HOSPITALISATION", DETAILS))
                .as("the same signal again joins the same alert")
                .isEqualTo(alertId);

        for (Map<String, Object> task : tasks) {
            visit(cadreId, (String) task.get("layer"), (String) task.get("id"));
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId)
                        .then().statusCode(200).body("status", equalTo("RESOLVED")));
        assertThat(tasksOf(cadreId)).hasSize(2).extracting(t -> t.get("status")).containsOnly("DONE");
        assertThat(TopicProbe.await("alerts", r -> cadreId.equals(r.key())
                && "shouwang.AlertResolved.v1".equals(TopicProbe.header(r, "ce_type")), 1, Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void missedDeadlinesMakeBothTasksMissedAndTheAlertEscalatesOnce() {
        Fixtures.shortenDeadline(platform, "NEIGHBOUR_DISPUTE", "PT3S");
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "周秀英");

        String alertId = Fixtures.signal(platform, UUID.randomUUID().toString(), cadreId, orgs[2],
                "NEIGHBOUR_DISPUTE", DETAILS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<Map<String, Object>> level0 = tasksOf(cadreId).stream()
                    .filter(t -> ((Number) t.get("level")).intValue() == 0).toList();
            assertThat(level0).hasSize(2).extracting(t -> t.get("status")).containsOnly("MISSED");
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId)
                        .then().statusCode(200).body("level", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));

        List<ConsumerRecord<String, String>> escalations = TopicProbe.await("alerts", r -> cadreId.equals(r.key())
                && "shouwang.AlertEscalated.v1".equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains("\"fromLevel\":0"), 2, Duration.ofSeconds(5));
        assertThat(escalations).as("two misses of level 0 escalate once").hasSize(1);
    }

    private void visit(String cadreId, String layer, String taskId) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", OffsetDateTime.now().toString(), "channel", "IN_PERSON",
                        "visitorName", "走访人", "layer", layer, "taskId", taskId, "notes", "已探望"))
                .post(platform.api(Service.VISIT) + "/visits")
                .then().statusCode(201);
    }

    private List<Map<String, Object>> awaitTasks(String cadreId, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasksOf(cadreId).size() >= count);
        return tasksOf(cadreId);
    }

    private List<Map<String, Object>> tasksOf(String cadreId) {
        JsonPath page = given().auth().oauth2(admin).queryParam("cadreId", cadreId).queryParam("size", 100)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

}
