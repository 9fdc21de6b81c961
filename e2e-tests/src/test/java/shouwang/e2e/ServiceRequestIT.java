package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * 点单 → 派单 → 接单 across the services: a cadre registered in registry orders a service for itself, the community
 * dispatches it to a volunteer, who accepts and completes it; the hours reach the volunteer's time bank and the
 * service counts in the statistics. An order nobody dispatches escalates through alert-service into must-visit tasks.
 */
class ServiceRequestIT {

    private final Platform platform = Platform.get();

    @Test
    void anOrderIsDispatchedAcceptedCompletedAndItsHoursAndStatisticsFollow() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "冯桂兰");
        String cadre = TestTokens.user("cadre").cadre(cadreId).token();
        String worker = TestTokens.user("community-worker").communities(orgs[1]).token();
        String volunteerLogin = TestTokens.named("volunteer-" + UUID.randomUUID()).roles("volunteer")
                .communities(orgs[1]).token();
        String volunteerId = volunteer(worker, volunteerLogin, orgs[1]);

        // 点单: the cadre orders housekeeping for itself, once its profile has reached volunteer-service
        Map<String, Object> order = Map.of("id", UUID.randomUUID().toString(), "serviceType", "HOUSEKEEPING",
                "details", "换季大扫除，需要两小时");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(cadre).contentType(ContentType.JSON).body(order)
                .post(platform.api(Service.VOLUNTEER) + "/me/service-requests").statusCode() != 409);
        String requestId = given().auth().oauth2(cadre).contentType(ContentType.JSON).body(order)
                .post(platform.api(Service.VOLUNTEER) + "/me/service-requests").then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("source", equalTo("CADRE"))
                .body("communityCode", equalTo(orgs[1])).body("gridCode", equalTo(orgs[2]))
                .extract().path("id");

        // 派单 by the community, 接单 and completion by the volunteer
        given().auth().oauth2(worker).queryParam("communityCode", orgs[1]).queryParam("status", "REQUESTED")
                .get(platform.api(Service.VOLUNTEER) + "/service-requests").then().statusCode(200)
                .body("items.id", hasItem(requestId));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("volunteerId", volunteerId))
                .post(request(requestId, "dispatch")).then().statusCode(200).body("status", equalTo("DISPATCHED"))
                .body("assigneeKind", equalTo("VOLUNTEER"));
        given().auth().oauth2(volunteerLogin).get(platform.api(Service.VOLUNTEER) + "/service-requests")
                .then().statusCode(200).body("items.id", hasItem(requestId));
        given().auth().oauth2(volunteerLogin).post(request(requestId, "accept")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(volunteerLogin).contentType(ContentType.JSON)
                .body(Map.of("notes", "已打扫完毕", "hours", 2.5)).post(request(requestId, "complete")).then()
                .statusCode(200).body("status", equalTo("DONE")).body("serviceRecordId", notNullValue());
        given().auth().oauth2(worker).post(request(requestId, "accept")).then().statusCode(409);

        // the cadre rates it; the volunteer's hours are in its time bank
        given().auth().oauth2(cadre).contentType(ContentType.JSON).body(Map.of("score", 5, "comment", "很满意"))
                .post(request(requestId, "rate")).then().statusCode(200).body("ratingScore", equalTo(5));
        given().auth().oauth2(volunteerLogin).get(platform.api(Service.VOLUNTEER) + "/volunteers/" + volunteerId
                + "/hours").then().statusCode(200).body("balance", equalTo(2.5f));

        // one service: counted once, as a done housekeeping order of the community
        Map<String, Object> statistics = given().auth().oauth2(worker).queryParam("communityCode", orgs[1])
                .get(platform.api(Service.VOLUNTEER) + "/statistics/service").then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertThat(path(statistics, "requests", "total", "records")).isEqualTo(1);
        assertThat(path(statistics, "requests", "byType", "HOUSEKEEPING", "records")).isEqualTo(1);
        assertThat(path(statistics, "allServices", "records")).isEqualTo(1);
        assertThat(path(statistics, "total", "records")).as("not again as a service record").isEqualTo(0);

        List<String> steps = TopicProbe.received("volunteering", r -> cadreId.equals(r.key())
                && r.header("ce_type").startsWith("shouwang.ServiceRequest"), 5, Duration.ofSeconds(30)).stream()
                .map(r -> r.header("ce_type")).toList();
        assertThat(steps).containsExactly("shouwang.ServiceRequested.v1", "shouwang.ServiceRequestDispatched.v1",
                "shouwang.ServiceRequestAccepted.v1", "shouwang.ServiceRequestCompleted.v1",
                "shouwang.ServiceRequestRated.v1");
    }

    @Test
    void anOrderNobodyDispatchesEscalatesIntoMustVisitTasks() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "蒋志刚");
        String gridWorker = TestTokens.user("grid-worker").grids(orgs[2]).token();
        String admin = Fixtures.admin();
        Map<String, Object> order = Map.of("id", UUID.randomUUID().toString(), "cadreId", cadreId, "serviceType",
                "REPAIR", "details", "水管漏水");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(gridWorker).contentType(ContentType.JSON).body(order)
                .post(platform.api(Service.VOLUNTEER) + "/service-requests").statusCode() != 400);
        String requestId = given().auth().oauth2(gridWorker).contentType(ContentType.JSON).body(order)
                .post(platform.api(Service.VOLUNTEER) + "/service-requests").then().statusCode(200)
                .extract().path("id");

        // not dispatched within dispatch-within (short in this run): a HELP_REQUEST alert about the order
        String alertId = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> alerts = given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                    .get(platform.api(Service.ALERT) + "/alerts").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            return alerts.isEmpty() ? null : (String) alerts.get(0).get("id");
        }, id -> id != null);
        given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId).then().statusCode(200)
                .body("kind", equalTo("HELP_REQUEST"));
        given().auth().oauth2(admin).get(request(requestId, null)).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("escalatedDispatchAt", notNullValue());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                        .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath()
                        .<String>getList("items.layer")).containsExactlyInAnyOrder("UNIT", "COMMUNITY"));
        // the alert is about this order: it opens no second one
        given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                .get(platform.api(Service.VOLUNTEER) + "/service-requests").then().statusCode(200)
                .body("total", equalTo(1));
    }

    /** A volunteer of the community whose login is linked to it: it claims a post of the community itself. */
    private String volunteer(String worker, String volunteerLogin, String community) {
        String post = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("title", "助老服务岗", "category", "ELDER_HELP", "communityCode", community, "capacity", 5))
                .post(platform.api(Service.VOLUNTEER) + "/posts").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(volunteerLogin).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "孔晓燕", "phone", "13700001234"))
                .post(platform.api(Service.VOLUNTEER) + "/posts/" + post + "/claims").then().statusCode(201)
                .extract().path("volunteerId");
    }

    private String request(String id, String action) {
        return platform.api(Service.VOLUNTEER) + "/service-requests/" + id + (action == null ? "" : "/" + action);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> json, String... keys) {
        Object at = json;
        for (String key : keys) {
            at = at == null ? null : ((Map<String, Object>) at).get(key);
        }
        return at;
    }
}
