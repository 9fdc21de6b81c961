package shouwang.alert.policy;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** The only test class that changes the policy (it touches HELP_REQUEST and BENEFITS_NOT_HONOURED only). */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class EscalationPolicyTest {

    private static Duration between(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to));
    }

    private static JsonNode escalate(UUID cadreId, UUID alertId) {
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", "SQ601", 0);
        return Fixtures.alertEvents("AlertEscalated", alertId, 1).get(0);
    }

    @Test
    void aNewPolicyVersionAppliesToAlertsRaisedAfterItOnly() {
        String worker = TestTokens.user("community-worker").communities("SQ601").token();
        Api.as(worker).get("/api/v1/escalation-policy").then().statusCode(200)
                .body("version", equalTo(1))
                .body("kinds.HOSPITALISATION.deadline", equalTo("PT24H"))
                .body("kinds.FAMILY_ACCIDENT.deadline", equalTo("PT24H"))
                .body("kinds.HELP_REQUEST.deadline", equalTo("PT4H"))
                .body("kinds.HELP_REQUEST.escalateEvery", equalTo("PT4H"))
                .body("kinds.HARDSHIP.deadline", equalTo("PT72H"))
                .body("kinds.ROUTINE_VISIT_MISSED.deadline", equalTo("PT72H"))
                .body("kinds.keySet()", containsInAnyOrder("HOSPITALISATION", "HARDSHIP", "FAMILY_ACCIDENT",
                        "FAMILY_CONFLICT", "NEIGHBOUR_DISPUTE", "HOUSE_MOVE", "WORRY", "BENEFITS_NOT_HONOURED",
                        "HELP_REQUEST", "ROUTINE_VISIT_MISSED", "EMERGENCY_UNREACHED"))
                .body("kinds.EMERGENCY_UNREACHED.deadline", equalTo("PT4H"));

        UUID before = Fixtures.knownCadre("SQ601", "SQ601-WG01", "DW601");
        UUID oldAlert = Api.report(before, "HELP_REQUEST");

        Map<String, Object> change = Map.of("kinds", Map.of(
                "HELP_REQUEST", Map.of("deadline", "PT2H", "escalateEvery", "PT1H"),
                "BENEFITS_NOT_HONOURED", Map.of("deadline", "P5D", "escalateEvery", "P2D")));
        Api.as(worker).body(change).put("/api/v1/escalation-policy").then().statusCode(403);
        Api.admin().body(change).put("/api/v1/escalation-policy").then().statusCode(200)
                .body("version", equalTo(2))
                .body("changedBy", equalTo("district-admin"))
                .body("kinds.HELP_REQUEST.deadline", equalTo("PT2H"))
                .body("kinds.BENEFITS_NOT_HONOURED.deadline", equalTo("PT120H"))
                .body("kinds.HOSPITALISATION.deadline", equalTo("PT24H"));
        Api.admin().get("/api/v1/escalation-policy").then().body("version", equalTo(2))
                .body("kinds.HELP_REQUEST.escalateEvery", equalTo("PT1H"));

        UUID after = Fixtures.knownCadre("SQ601", "SQ601-WG01", "DW601");
        UUID newAlert = Api.report(after, "HELP_REQUEST");

        JsonPath old = Api.admin().get("/api/v1/alerts/" + oldAlert).then().extract().jsonPath();
        JsonPath fresh = Api.admin().get("/api/v1/alerts/" + newAlert).then().extract().jsonPath();
        assertEquals(1, old.getInt("policyVersion"));
        assertEquals(Duration.ofHours(4), between(old.getString("raisedAt"), old.getString("deadline")));
        assertEquals(2, fresh.getInt("policyVersion"));
        assertEquals(Duration.ofHours(2), between(fresh.getString("raisedAt"), fresh.getString("deadline")));

        Api.admin().get("/api/v1/alerts?cadreId=" + after + "&overdue=false").then().body("total", equalTo(1));
        Api.admin().get("/api/v1/alerts?cadreId=" + after + "&overdue=true").then().body("total", equalTo(0));

        JsonNode oldEscalation = escalate(before, oldAlert);
        assertEquals(Duration.ofHours(4), between(oldEscalation.get("escalatedAt").asText(),
                oldEscalation.get("deadline").asText()), "the old alert keeps the interval it was raised under");
        JsonNode newEscalation = escalate(after, newAlert);
        assertEquals(Duration.ofHours(1), between(newEscalation.get("escalatedAt").asText(),
                newEscalation.get("deadline").asText()));

        // A one-second deadline makes an alert overdue at once: the worklist can ask for overdue alerts.
        Api.admin().body(Map.of("kinds", Map.of("BENEFITS_NOT_HONOURED", Map.of("deadline", "PT1S", "escalateEvery",
                "PT1H")))).put("/api/v1/escalation-policy").then().statusCode(200).body("version", equalTo(3));
        UUID late = Fixtures.knownCadre("SQ601", "SQ601-WG01", "DW601");
        UUID lateAlert = Api.report(late, "BENEFITS_NOT_HONOURED");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Api.admin()
                .get("/api/v1/alerts?cadreId=" + late + "&overdue=true").then().extract().<Integer>path("total") == 1);
        Api.admin().get("/api/v1/alerts?cadreId=" + late + "&overdue=true").then()
                .body("items[0].id", equalTo(lateAlert.toString()));
        Api.admin().get("/api/v1/alerts?cadreId=" + late + "&overdue=false").then().body("total", equalTo(0));
    }

    @Test
    void aDurationBeyondAYearIsRefusedSoSignalsOfThatKindStillRaiseAlerts() {
        int version = Api.admin().get("/api/v1/escalation-policy").then().extract().path("version");
        String every = Api.admin().get("/api/v1/escalation-policy").then().extract()
                .path("kinds.BENEFITS_NOT_HONOURED.escalateEvery");
        // Accepted, P1000000000D made every later signal of the kind a 500 (the deadline is beyond PostgreSQL).
        Api.admin().body(Map.of("kinds", Map.of("BENEFITS_NOT_HONOURED",
                Map.of("deadline", "P1000000000D", "escalateEvery", "PT24H")))).put("/api/v1/escalation-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("kinds.BENEFITS_NOT_HONOURED.deadline"));
        Api.admin().body(Map.of("kinds", Map.of("BENEFITS_NOT_HONOURED",
                Map.of("deadline", "P367D", "escalateEvery", "PT9000000H")))).put("/api/v1/escalation-policy")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("kinds.BENEFITS_NOT_HONOURED.deadline",
                        "kinds.BENEFITS_NOT_HONOURED.escalateEvery"));
        Api.admin().get("/api/v1/escalation-policy").then().body("version", equalTo(version))
                .body("kinds.BENEFITS_NOT_HONOURED.escalateEvery", equalTo(every));
        Api.report(Fixtures.knownCadre("SQ602", "SQ602-WG01", "DW602"), "BENEFITS_NOT_HONOURED");
    }

    @Test
    void aBadPolicyIsRefusedNamingEveryBadRuleAndChangesNothing() {
        int version = Api.admin().get("/api/v1/escalation-policy").then().extract().path("version");
        Map<String, Object> bad = Map.of("kinds", Map.of(
                "FLOOD", Map.of("deadline", "PT2H", "escalateEvery", "PT1H"),
                "WORRY", Map.of("deadline", "three days", "escalateEvery", "PT0S")));
        Api.admin().body(bad).put("/api/v1/escalation-policy").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("kinds.FLOOD", "kinds.WORRY.deadline",
                        "kinds.WORRY.escalateEvery"));
        Api.admin().body(Map.of()).put("/api/v1/escalation-policy").then().statusCode(400)
                .body("violations[0].field", equalTo("kinds"));
        Api.admin().body(Map.of("kinds", Map.of("WORRY", "PT1H"))).put("/api/v1/escalation-policy").then()
                .statusCode(400);
        Api.admin().body(Map.of("kinds", Map.of("WORRY", Map.of("deadline", "PT1H")))).put("/api/v1/escalation-policy")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("kinds.WORRY.escalateEvery"));
        Api.admin().body("{\"kinds\":[]}").put("/api/v1/escalation-policy").then().statusCode(400);
        Api.admin().body("null").put("/api/v1/escalation-policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        Api.admin().body("{\"kinds\":{\"WORRY\":{\"deadline\":\"PT1H\",\"deadline\":\"PT2H\",\"escalateEvery\":\"PT1H\"}}}")
                .put("/api/v1/escalation-policy").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                // The kit names the top-level field of a nested duplicate, and the duplicate in the message.
                .body("violations[0].field", equalTo("kinds"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("'deadline'"));

        // a one-district deployment knows no district: naming one is a bad request, not the default in disguise
        Api.admin().get("/api/v1/escalation-policy?districtCode=421102").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("districtCode"));
        Api.admin().body(Map.of("kinds", Map.of("WORRY", Map.of("deadline", "PT1H", "escalateEvery", "PT1H"))))
                .put("/api/v1/escalation-policy?districtCode=421102").then().statusCode(400)
                .body("violations[0].field", equalTo("districtCode"));

        Api.admin().get("/api/v1/escalation-policy").then().body("version", equalTo(version));
    }
}
