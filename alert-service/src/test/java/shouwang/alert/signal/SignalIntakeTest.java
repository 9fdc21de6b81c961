package shouwang.alert.signal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import shouwang.kit.testing.TopicProbe;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class SignalIntakeTest {

    @Test
    void aSignalRaisesAnAlertThatAsksTheUnitAndCommunityToVisitWithTheContactsToNotify() {
        UUID cadreId = Fixtures.knownCadre("SQ101", "SQ101-WG01", "DW101");
        UUID signalId = UUID.randomUUID();

        JsonPath accepted = Api.postSignal(Api.as(TestTokens.user("grid-worker").grids("SQ101-WG01").token()),
                Api.signal(signalId, cadreId, "HOSPITALISATION"))
                .statusCode(202)
                .body("status", equalTo("RAISED"))
                .body("signalId", equalTo(signalId.toString()))
                .extract().jsonPath();
        UUID alertId = UUID.fromString(accepted.getString("alertId"));

        JsonPath alert = Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("cadreId", equalTo(cadreId.toString()))
                .body("kind", equalTo("HOSPITALISATION"))
                .body("status", equalTo("OPEN"))
                .body("level", equalTo(0))
                .body("communityCode", equalTo("SQ101"))
                .body("signalIds", containsInAnyOrder(signalId.toString()))
                .body("signals[0].details", equalTo("市一院心内科住院"))
                .body("signals[0].reportedBy", equalTo("grid-worker"))
                .body("history[0].action", equalTo("RAISED"))
                .extract().jsonPath();
        Instant raisedAt = Instant.parse(alert.getString("raisedAt"));
        Instant deadline = Instant.parse(alert.getString("deadline"));
        assertEquals(Duration.ofHours(24), Duration.between(raisedAt, deadline), "hospitalisation: visit within 24 h");

        JsonNode raised = Fixtures.alertEvents("AlertRaised", alertId, 1).get(0);
        assertEquals(0, raised.get("level").asInt());
        assertEquals(signalId.toString(), raised.get("signalIds").get(0).asText());
        assertEquals(deadline, Instant.parse(raised.get("deadline").asText()));
        assertEquals("SQ101-WG01", raised.get("gridCode").asText());
        assertEquals(3, raised.get("notify").size(), "unit, community and grid contacts with phones");
        assertEquals("13900000001", raised.get("notify").get(0).get("phone").asText());

        JsonNode mustVisit = Fixtures.alertEvents("MustVisitRequired", alertId, 1).get(0);
        assertEquals(0, mustVisit.get("level").asInt());
        assertEquals(deadline, Instant.parse(mustVisit.get("deadline").asText()));
        assertEquals("UNIT", mustVisit.get("layers").get(0).get("layer").asText());
        assertEquals("DW101", mustVisit.get("layers").get(0).get("orgCode").asText());
        assertEquals("COMMUNITY", mustVisit.get("layers").get(1).get("layer").asText());
        assertEquals("SQ101", mustVisit.get("layers").get(1).get("orgCode").asText());
        assertEquals(2, mustVisit.get("layers").size());

        assertEquals(1, TopicProbe.events("care-signals", "HospitalisationReported",
                data -> signalId.toString().equals(data.path("signalId").asText()), 1, Duration.ofSeconds(30)).size());
    }

    @Test
    void theSameSignalTwiceAnswersTheSameAlertAndPublishesNothingNew() {
        UUID cadreId = Fixtures.knownCadre("SQ102", "SQ102-WG01", "DW102");
        Map<String, Object> body = Api.signal(UUID.randomUUID(), cadreId, "FAMILY_ACCIDENT");

        String first = Api.postSignal(Api.admin(), body).statusCode(202).body("duplicate", equalTo(false))
                .extract().path("alertId");
        String again = Api.postSignal(Api.admin(), body).statusCode(202).body("duplicate", equalTo(true))
                .extract().path("alertId");
        assertEquals(first, again);

        // A later alert for the same cadre (same key, same partition) proves the relay got past the duplicate.
        UUID later = Api.report(cadreId, "WORRY");
        Fixtures.alertEvents("MustVisitRequired", later, 1);
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(first), 1).size());
        assertEquals(1, Fixtures.alertEvents("MustVisitRequired", UUID.fromString(first), 1).size());
        Api.admin().get("/api/v1/alerts?cadreId=" + cadreId + "&kind=FAMILY_ACCIDENT").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void theSameSignalSentConcurrentlyMakesOneAlert() throws Exception {
        UUID cadreId = Fixtures.knownCadre("SQ108", "SQ108-WG01", "DW108");
        Map<String, Object> body = Api.signal(UUID.randomUUID(), cadreId, "HOSPITALISATION");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> sameKindOtherSignal = Api.signal(UUID.randomUUID(), cadreId, "HOSPITALISATION");
                Map<String, Object> sent = i % 2 == 0 ? body : sameKindOtherSignal;
                answers.add(pool.submit(() -> Api.postSignal(Api.admin(), sent).statusCode(202).extract().path("alertId")));
            }
            java.util.Set<String> alertIds = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> answer : answers) {
                alertIds.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, alertIds.size(), "one open alert per cadre and kind");
            Api.admin().get("/api/v1/alerts/" + alertIds.iterator().next()).then()
                    .body("signalIds", org.hamcrest.Matchers.hasSize(4));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theClientIdWorksAsTheSignalId() {
        UUID cadreId = Fixtures.knownCadre("SQ102", "SQ102-WG01", "DW102");
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Api.signal(null, cadreId, "HOUSE_MOVE");
        body.put("id", id.toString());
        String first = Api.postSignal(Api.admin(), body).statusCode(202).body("signalId", equalTo(id.toString()))
                .extract().path("alertId");
        Api.postSignal(Api.admin(), body).statusCode(202).body("alertId", equalTo(first))
                .body("duplicate", equalTo(true));
    }

    @Test
    void aSecondSignalOfTheSameKindJoinsTheOpenAlertWhichKeepsBoth() {
        UUID cadreId = Fixtures.knownCadre("SQ103", "SQ103-WG01", "DW103");
        UUID firstSignal = UUID.randomUUID();
        UUID secondSignal = UUID.randomUUID();
        String alertId = Api.postSignal(Api.admin(), Api.signal(firstSignal, cadreId, "HARDSHIP")).statusCode(202)
                .extract().path("alertId");
        Api.postSignal(Api.as(TestTokens.user("community-worker").communities("SQ103").token()),
                Api.signal(secondSignal, cadreId, "HARDSHIP"))
                .statusCode(202)
                .body("alertId", equalTo(alertId))
                .body("status", equalTo("JOINED"));

        Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("signalIds", containsInAnyOrder(firstSignal.toString(), secondSignal.toString()))
                .body("history.action", equalTo(List.of("RAISED", "SIGNAL_JOINED")));

        String otherKind = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), cadreId, "FAMILY_CONFLICT"))
                .statusCode(202).extract().path("alertId");
        assertNotEquals(alertId, otherKind, "another kind opens its own alert");
        Fixtures.alertEvents("AlertRaised", UUID.fromString(otherKind), 1);
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(alertId), 1).size());
    }

    @Test
    void aSignalIdAlreadyUsedForAnotherCadreIsAConflict() {
        UUID signalId = UUID.randomUUID();
        UUID cadreA = Fixtures.knownCadre("SQ104", "SQ104-WG01", "DW104");
        UUID cadreB = Fixtures.knownCadre("SQ104", "SQ104-WG01", "DW104");
        Api.postSignal(Api.admin(), Api.signal(signalId, cadreA, "WORRY")).statusCode(202);
        Api.postSignal(Api.admin(), Api.signal(signalId, cadreB, "WORRY")).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badSignalsAreRefusedNamingEveryBadField() {
        Api.admin().body(Map.of("kind", "HOSPITALISATION", "details", "x".repeat(2001))).post("/api/v1/signals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("cadreId", "details"));
        Api.admin().body(Map.of("cadreId", UUID.randomUUID().toString(), "kind", "FLOOD")).post("/api/v1/signals")
                .then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        Api.admin().body(Map.of("cadreId", UUID.randomUUID().toString(), "kind", "ROUTINE_VISIT_MISSED"))
                .post("/api/v1/signals").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        Api.admin().body(Map.of("cadreId", "not-a-uuid", "kind", "WORRY")).post("/api/v1/signals")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("cadreId"));
        Api.admin().body("{\"cadreId\":").post("/api/v1/signals").then().statusCode(400);
        Api.admin().body(Map.of("cadreId", UUID.randomUUID().toString(), "kind", "WORRY", "occurredAt", "昨天"))
                .post("/api/v1/signals").then().statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"));
        Api.admin().body(Map.of("cadreId", UUID.randomUUID().toString(), "kind", "WORRY",
                "occurredAt", "2099-01-01T00:00:00Z")).post("/api/v1/signals").then().statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"));
        Api.admin().body("[]").post("/api/v1/signals").then().statusCode(400);
        Api.admin().body("null").post("/api/v1/signals").then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void aFieldGivenTwiceAKindByNumberOrADateThatIsNotAnIsoInstantIsRefusedNamingTheField() {
        String cadre = "\"cadreId\":\"" + UUID.randomUUID() + "\"";
        Api.admin().body("{" + cadre + ",\"kind\":\"WORRY\",\"kind\":\"HARDSHIP\"}").post("/api/v1/signals").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        Api.admin().body("{" + cadre + "," + cadre + ",\"kind\":\"WORRY\"}").post("/api/v1/signals").then()
                .statusCode(400).body("violations[0].field", equalTo("cadreId"));
        Api.admin().body("{" + cadre + ",\"kind\":0}").post("/api/v1/signals").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        for (String occurredAt : new String[] { "\"\"", "-1", "1767225600", "1767225600.5", "\"+10000-01-01T00:00:00Z\"",
                "\"0000-12-31T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"" }) {
            Api.admin().body("{" + cadre + ",\"kind\":\"WORRY\",\"occurredAt\":" + occurredAt + "}")
                    .post("/api/v1/signals").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("occurredAt"));
        }
    }

    @Test
    void scopedWorkersReportOnlyForKnownCadresInsideTheirScope() {
        UUID cadreId = Fixtures.knownCadre("SQ105", "SQ105-WG01", "DW105");
        Api.postSignal(Api.as(TestTokens.user("community-worker").communities("SQ999").token()),
                Api.signal(UUID.randomUUID(), cadreId, "WORRY")).statusCode(403);
        Api.postSignal(Api.as(TestTokens.user("unit-liaison").units("DW105").token()),
                Api.signal(UUID.randomUUID(), cadreId, "BENEFITS_NOT_HONOURED")).statusCode(202);
        Api.postSignal(Api.as(TestTokens.user("volunteer").communities("SQ105").token()),
                Api.signal(UUID.randomUUID(), cadreId, "WORRY")).statusCode(403);
        Api.postSignal(Api.as(TestTokens.user("community-worker").communities("SQ105").token()),
                Api.signal(UUID.randomUUID(), UUID.randomUUID(), "WORRY"))
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("not known"));
    }

    @Test
    void aSignalForACadreNotKnownYetWaitsForTheProfileAndThenRaisesTheAlert() {
        UUID cadreId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String alertId = Api.postSignal(Api.as(TestTokens.user("partner").token()),
                Api.signal(first, cadreId, "HELP_REQUEST"))
                .statusCode(202)
                .body("status", equalTo("PENDING_PROFILE"))
                .extract().path("alertId");
        Api.postSignal(Api.admin(), Api.signal(second, cadreId, "HELP_REQUEST")).statusCode(202)
                .body("alertId", equalTo(alertId));
        Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(404);

        Fixtures.publishProfileAndAwait(cadreId, 1, "SQ106", "SQ106-WG01", "DW106", "ACTIVE");

        Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("kind", equalTo("HELP_REQUEST"))
                .body("communityCode", equalTo("SQ106"))
                .body("signalIds", containsInAnyOrder(first.toString(), second.toString()));
        JsonNode raised = Fixtures.alertEvents("AlertRaised", UUID.fromString(alertId), 1).get(0);
        assertEquals(first.toString(), raised.get("signalIds").get(0).asText());
        Fixtures.alertEvents("MustVisitRequired", UUID.fromString(alertId), 1);
    }

    @Test
    void noAlertIsRaisedForACadreWhoHasDied() {
        UUID cadreId = Fixtures.knownCadre("SQ107", "SQ107-WG01", "DW107");
        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ107", "SQ107-WG01", "DW107", "DECEASED");
        Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), cadreId, "WORRY")).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("DECEASED"));
        assertTrue(Fixtures.held(cadreId).status.equals("DECEASED"));
    }
}
