package shouwang.alert.escalation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;

/**
 * The deadline watch on the real broker and DB (grace 1 s, a look every second): an overdue alert escalates without
 * any VisitMissed, a late VisitMissed of that level changes nothing more, resolved alerts are left alone, and the
 * watch racing VisitMissed and other replicas' watches escalates once.
 */
@QuarkusTest
@TestProfile(DeadlineWatchProfile.class)
class DeadlineWatchTest {

    @Inject
    DeadlineWatch watch;

    @Inject
    AlertService alerts;

    @Inject
    EntityManager entityManager;

    /** HOSPITALISATION due in 2 s (then 24 h a level); WORRY due in 30 min, beyond the watch in these tests. */
    private static void shortDeadlines() {
        Api.admin().body(Map.of("kinds", Map.of(
                "HOSPITALISATION", Map.of("deadline", "PT2S", "escalateEvery", "PT24H"),
                "WORRY", Map.of("deadline", "PT30M", "escalateEvery", "PT24H"))))
                .put("/api/v1/escalation-policy").then().statusCode(200);
    }

    private static JsonPath alert(UUID alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> history(UUID alertId, String action) {
        return alert(alertId).<Map<String, Object>>getList("history").stream()
                .filter(h -> action.equals(h.get("action")))
                .toList();
    }

    private static void awaitLevel(UUID alertId, int level) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId).getInt("level") == level);
    }

    private static void missed(UUID cadreId, UUID alertId, String layer, int level) {
        Fixtures.mustVisitMissed(cadreId, alertId, layer, "UNIT".equals(layer) ? "DW901" : "SQ901", level);
    }

    @Test
    void anAlertPastItsDeadlineAndTheGraceEscalatesByItselfAndAnnouncesItOnce() {
        shortDeadlines();
        UUID cadreId = Fixtures.knownCadre("SQ901", "SQ901-WG01", "DW901");
        UUID alertId = Api.report(cadreId, "WORRY");
        Api.admin().post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200);
        // due now, only once it is acknowledged: a 2 s policy deadline raced a slow acknowledge on a loaded machine
        Instant firstDeadline = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> Alert.update("deadline = ?1 where id = ?2", firstDeadline,
                alertId));

        awaitLevel(alertId, 1);

        JsonPath escalatedAlert = alert(alertId);
        assertEquals("OPEN", escalatedAlert.getString("status"), "the new level has to acknowledge again");
        List<Map<String, Object>> escalations = history(alertId, "ESCALATED");
        assertEquals(1, escalations.size());
        assertEquals("deadline-watch", escalations.get(0).get("actor"));
        assertTrue(escalations.get(0).get("note").toString().contains("no VisitMissed was reported"),
                "the history says it was the watch, not a reported miss: " + escalations.get(0).get("note"));
        assertTrue(history(alertId, "TASK_MISSED").isEmpty());

        JsonNode escalated = Fixtures.alertEvents("AlertEscalated", alertId, 1).get(0);
        assertEquals(0, escalated.get("fromLevel").asInt());
        assertEquals(1, escalated.get("level").asInt());
        assertEquals("UNIT_LEADER", escalated.get("mustActNow").get(0).get("role").asText());
        Instant escalatedAt = Instant.parse(escalated.get("escalatedAt").asText());
        Instant deadline = Instant.parse(escalated.get("deadline").asText());
        assertFalse(escalatedAt.isBefore(firstDeadline.plusSeconds(1)), "visit-service gets the grace first");
        assertEquals(Duration.ofHours(24), Duration.between(escalatedAt, deadline), "the alert's escalateEvery");
        assertEquals(deadline, Instant.parse(escalatedAlert.getString("deadline")));
        JsonNode levelOne = Fixtures.alertEvents("MustVisitRequired", alertId, 2).get(1);
        assertEquals(1, levelOne.get("level").asInt());
        assertEquals(deadline, Instant.parse(levelOne.get("deadline").asText()));
        assertEquals(2, levelOne.get("layers").size());

        // Several more looks of the watch (one a second, for four seconds): still one escalation.
        assertEquals(1, Fixtures.alertEventsDuring("AlertEscalated", alertId, Duration.ofSeconds(4)).size());
        assertEquals(1, alert(alertId).getInt("level"));
    }

    @Test
    void aVisitMissedArrivingAfterTheWatchEscalatedThatLevelEscalatesNothingMore() {
        shortDeadlines();
        UUID cadreId = Fixtures.knownCadre("SQ901", "SQ901-WG01", "DW901");
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");
        awaitLevel(alertId, 1);
        Fixtures.alertEvents("AlertEscalated", alertId, 1);

        missed(cadreId, alertId, "UNIT", 0);
        missed(cadreId, alertId, "COMMUNITY", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(alertId, "TASK_MISSED").size() == 2);

        assertEquals(1, alert(alertId).getInt("level"));
        assertEquals(1, history(alertId, "ESCALATED").size());
        assertEquals(1, Fixtures.alertEvents("AlertEscalated", alertId, 1).size());
        assertEquals(2, Fixtures.alertEvents("MustVisitRequired", alertId, 2).size(), "level 0 and level 1 only");
    }

    @Test
    void aResolvedAlertIsNeverTouched() {
        shortDeadlines();
        UUID resolvedCadre = Fixtures.knownCadre("SQ901", "SQ901-WG01", "DW901");
        UUID resolvedAlert = Api.report(resolvedCadre, "HOSPITALISATION");
        Api.admin().body(Map.of("reason", "SAFE_CONFIRMED_BY_FAMILY", "note", "家属已陪同就医，电话确认")).post("/api/v1/alerts/" + resolvedAlert + "/resolve")
                .then().statusCode(200);
        String resolvedUpdatedAt = alert(resolvedAlert).getString("updatedAt");
        // An alert raised later with the same deadline: once the watch has escalated it, it has looked at both.
        UUID controlAlert = Api.report(Fixtures.knownCadre("SQ901", "SQ901-WG01", "DW901"), "HOSPITALISATION");
        awaitLevel(controlAlert, 1);

        JsonPath untouched = alert(resolvedAlert);
        assertEquals("RESOLVED", untouched.getString("status"));
        assertEquals(0, untouched.getInt("level"));
        assertEquals(resolvedUpdatedAt, untouched.getString("updatedAt"));
        assertTrue(history(resolvedAlert, "ESCALATED").isEmpty());
        assertTrue(Fixtures.alertEventsDuring("AlertEscalated", resolvedAlert, Duration.ofSeconds(2)).isEmpty());
        assertEquals(1, Fixtures.alertEvents("MustVisitRequired", resolvedAlert, 1).size());
    }

    @Test
    void theWatchOnSeveralReplicasRacingBothVisitMissedOfTheLevelEscalatesOnce() throws Exception {
        shortDeadlines();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < 5; round++) {
                UUID cadreId = Fixtures.knownCadre("SQ901", "SQ901-WG01", "DW901");
                UUID alertId = Api.report(cadreId, "WORRY");
                // A cutoff an hour ahead makes this alert (due in 30 min) overdue for these sweeps only.
                Instant cutoff = Instant.now().plus(Duration.ofHours(1));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> racers = new ArrayList<>();
                for (int replica = 0; replica < 3; replica++) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        return watch.sweep(cutoff);
                    }));
                }
                for (String layer : List.of("UNIT", "COMMUNITY")) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        alerts.taskMissed(alertId, 0, layer, UUID.randomUUID());
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> racer : racers) {
                    racer.get(60, TimeUnit.SECONDS);
                }

                JsonPath raced = alert(alertId);
                assertEquals(1, raced.getInt("level"), "round " + round);
                assertEquals(1, history(alertId, "ESCALATED").size(), "round " + round);
                assertEquals(2, history(alertId, "TASK_MISSED").size(), "round " + round);
                assertEquals(1, Fixtures.alertEvents("AlertEscalated", alertId, 1).size(), "round " + round);
                assertEquals(2, Fixtures.alertEvents("MustVisitRequired", alertId, 2).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWatchScanReadsTheOverdueIndex() {
        List<?> plan = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return entityManager.createNativeQuery("explain " + AlertRepository.OVERDUE_SQL)
                    .setParameter(1, Instant.now())
                    .setParameter(2, 200)
                    .getResultList();
        });
        assertTrue(plan.stream().anyMatch(line -> line.toString().contains("alert_overdue")), plan.toString());
    }
}
