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

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/**
 * 一键呼叫 across the services: a cadre's one tap (alert-service) raises a HELP_REQUEST alert, visit-service makes the
 * UNIT and COMMUNITY tasks, the visits close it, and the cadre sees it resolved under its own alerts.
 */
class OneTapHelpIT {

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();

    @Test
    void oneTapRaisesAnAlertMakesBothTasksAndOpensAServiceOrder() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "韦国栋");
        String cadre = TestTokens.user("cadre").cadre(cadreId).token();
        Map<String, Object> tap = Map.of("id", UUID.randomUUID().toString(), "serviceType", "MEDICAL_ESCORT",
                "details", "腿疼，想请人陪同去医院");

        String alertId = given().auth().oauth2(cadre).contentType(ContentType.JSON).body(tap)
                .post(platform.api(Service.ALERT) + "/me/help").then().statusCode(202).extract().path("alertId");
        assertThat((String) given().auth().oauth2(cadre).contentType(ContentType.JSON).body(tap)
                .post(platform.api(Service.ALERT) + "/me/help").then().statusCode(202).extract().path("alertId"))
                .as("a retried tap is the same help request").isEqualTo(alertId);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> tasks(cadreId).size() >= 2);
        List<Map<String, Object>> tasks = tasks(cadreId);
        assertThat(tasks).extracting(t -> t.get("layer")).containsExactlyInAnyOrder("UNIT", "COMMUNITY");
        assertThat(tasks).extracting(t -> t.get("alertId")).containsOnly(alertId);
        given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId)
                .then().statusCode(200).body("kind", equalTo("HELP_REQUEST"));
        // volunteer-service opened the service order (点单) the tap asked for, which the cadre sees as its own
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(cadre).get(platform.api(Service.VOLUNTEER) + "/me/service-requests")
                        .then().statusCode(200).body("total", equalTo(1))
                        .body("items[0].alertId", equalTo(alertId)).body("items[0].source", equalTo("ALERT"))
                        .body("items[0].serviceType", equalTo("MEDICAL_ESCORT"))
                        .body("items[0].status", equalTo("REQUESTED")));

        for (Map<String, Object> task : tasks) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("cadreId", cadreId, "visitedAt", OffsetDateTime.now().minusMinutes(1).toString(),
                            "channel", "IN_PERSON", "visitorName", "包保联系人", "layer", task.get("layer"),
                            "taskId", task.get("id"), "notes", "已上门，安排陪诊"))
                    .post(platform.api(Service.VISIT) + "/visits").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(cadre).get(platform.api(Service.ALERT) + "/me/alerts")
                        .then().statusCode(200).body("items[0].id", equalTo(alertId))
                        .body("items[0].status", equalTo("RESOLVED")));
    }

    private List<Map<String, Object>> tasks(String cadreId) {
        return given().auth().oauth2(admin).queryParam("cadreId", cadreId).queryParam("size", 100)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }
}
