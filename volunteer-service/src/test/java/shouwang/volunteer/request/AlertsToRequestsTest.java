package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

/** alert-service's HELP_REQUEST alerts on {@code alerts} open service requests, once, and not for its own kind. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class AlertsToRequestsTest {

    static final String COMMUNITY = "SQ941";

    static Map<String, Object> alertRaised(UUID alertId, UUID cadre, String kind, String serviceType,
            UUID serviceRequestId) {
        Map<String, Object> alert = new HashMap<>();
        alert.put("alertId", alertId.toString());
        alert.put("cadreId", cadre.toString());
        alert.put("cadreName", "测试老干部");
        alert.put("kind", kind);
        alert.put("kindLabel", "求助");
        alert.put("level", 0);
        alert.put("raisedAt", "2026-11-22T08:00:00Z");
        alert.put("deadline", "2026-11-23T08:00:00Z");
        alert.put("signalIds", List.of(UUID.randomUUID().toString()));
        alert.put("communityCode", COMMUNITY);
        alert.put("gridCode", COMMUNITY + "-WG02");
        alert.put("unitCode", "DW941");
        alert.put("notify", List.of());
        alert.put("policyVersion", 3);
        alert.put("details", "一键求助：想请人帮忙买菜");
        alert.put("serviceType", serviceType);
        alert.put("serviceRequestId", serviceRequestId == null ? null : serviceRequestId.toString());
        return alert;
    }

    static String requestOf(UUID alertId) {
        return UUID.nameUUIDFromBytes(("alert/" + alertId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void aHelpRequestAlertOpensOneRequestEvenWhenReplayed() {
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        UUID alert = UUID.randomUUID();
        String admin = TestTokens.districtAdmin();
        Fixtures.awaitConsumed(TopicProbe.publish("alerts", cadre.toString(), "AlertRaised",
                alertRaised(alert, cadre, "HELP_REQUEST", "SHOPPING", null)));
        String request = requestOf(alert);
        Orders.get(admin, request).statusCode(200).body("status", equalTo("REQUESTED"))
                .body("source", equalTo("ALERT")).body("alertId", equalTo(alert.toString()))
                .body("serviceType", equalTo("SHOPPING")).body("details", equalTo("一键求助：想请人帮忙买菜"))
                .body("communityCode", equalTo(COMMUNITY)).body("gridCode", equalTo(COMMUNITY + "-WG02"));
        Fixtures.awaitEvent("ServiceRequested", "requestId", request);
        // the same alert again (a replay under a new ce_id): still one request
        Fixtures.awaitConsumed(TopicProbe.publish("alerts", cadre.toString(), "AlertRaised",
                alertRaised(alert, cadre, "HELP_REQUEST", "SHOPPING", null)));
        given().auth().oauth2(admin).get("/api/v1/service-requests?cadreId=" + cadre).then().statusCode(200)
                .body("total", equalTo(1));

        // an unknown service type is OTHER
        UUID vague = UUID.randomUUID();
        Fixtures.awaitConsumed(TopicProbe.publish("alerts", cadre.toString(), "AlertRaised",
                alertRaised(vague, cadre, "HELP_REQUEST", "TELEPORT", null)));
        Orders.get(admin, requestOf(vague)).statusCode(200).body("serviceType", equalTo("OTHER"));
    }

    @Test
    void anAlertAboutOneOfOurRequestsOrOfAnotherKindOpensNone() {
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String admin = TestTokens.districtAdmin();
        UUID ours = UUID.randomUUID();
        // skipped types leave no trace in the inbox: the records after it, same key and partition, show it was read
        TopicProbe.publish("alerts", cadre.toString(), "AlertResolved",
                Map.of("alertId", ours.toString(), "cadreId", cadre.toString(), "kind", "HELP_REQUEST"));
        Fixtures.awaitConsumed(TopicProbe.publish("alerts", cadre.toString(), "AlertRaised",
                alertRaised(ours, cadre, "HELP_REQUEST", "SHOPPING", UUID.randomUUID())));
        UUID hospital = UUID.randomUUID();
        Fixtures.awaitConsumed(TopicProbe.publish("alerts", cadre.toString(), "AlertRaised",
                alertRaised(hospital, cadre, "HOSPITALISATION", null, null)));
        Orders.get(admin, requestOf(ours)).statusCode(404);
        Orders.get(admin, requestOf(hospital)).statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/service-requests?cadreId=" + cadre).then().statusCode(200)
                .body("total", equalTo(0));
    }
}
