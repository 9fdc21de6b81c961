package shouwang.alert.cadre;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CadreProfilesConsumerTest {

    @Inject
    EntityManager entityManager;

    private boolean consumed(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from inbox_message where consumer = 'alert-service.cadre-profiles' and ce_id = ?1")
                .setParameter(1, ceId).getSingleResult()).intValue() == 1);
    }

    @Test
    void aProfileNoNewerThanTheOneHeldIsIgnored() {
        UUID cadreId = UUID.randomUUID();
        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ501", "SQ501-WG01", "DW501", "ACTIVE");
        ObjectNode stale = TopicProbe.object();
        stale.put("id", cadreId.toString());
        stale.put("version", 1);
        stale.put("communityCode", "SQ502");
        stale.put("status", "MOVED_AWAY");
        String ceId = TopicProbe.publish("cadre-profiles", cadreId.toString(), "CadreUpdated", stale);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(ceId));

        CadreProfile held = Fixtures.held(cadreId);
        assertEquals(2, held.version);
        assertEquals("SQ501", held.placement().communityCode);
        assertEquals("ACTIVE", held.status);
    }

    @Test
    void openAlertsFollowTheCadreWhenRegistryMovesIt() {
        UUID cadreId = Fixtures.knownCadre("SQ503", "SQ503-WG01", "DW503");
        UUID alertId = Api.report(cadreId, "HOUSE_MOVE");
        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ504", "SQ504-WG02", "DW503", "ACTIVE");

        Api.admin().get("/api/v1/alerts?communityCode=SQ504").then().statusCode(200)
                .body("items.id", contains(alertId.toString()))
                .body("items[0].gridCode", equalTo("SQ504-WG02"));
        Api.as(TestTokens.user("community-worker").communities("SQ504").token()).get("/api/v1/alerts/" + alertId)
                .then().statusCode(200);
        Api.as(TestTokens.user("community-worker").communities("SQ503").token()).get("/api/v1/alerts/" + alertId)
                .then().statusCode(404);
    }

    @Test
    void theOpenAlertsOfACadreWhoDiedAreClosedAndAnnounced() {
        UUID cadreId = Fixtures.knownCadre("SQ506", "SQ506-WG01", "DW506");
        UUID open = Api.report(cadreId, "HOSPITALISATION");
        UUID resolvedEarlier = Api.report(cadreId, "WORRY");
        Api.admin().body(Map.of("reason", "REPORTED_IN_ERROR", "note", "电话核实，情况不属实")).post("/api/v1/alerts/" + resolvedEarlier + "/resolve")
                .then().statusCode(200);
        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ506", "SQ506-WG01", "DW506", "DECEASED");

        Api.admin().get("/api/v1/alerts/" + open).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("MANUAL"))
                .body("reason", equalTo("cadre DECEASED"))
                .body("resolvedBy", equalTo("registry-service"));
        assertEquals("cadre DECEASED", Fixtures.alertEvents("AlertResolved", open, 1).get(0).get("reason").asText());
        Api.admin().get("/api/v1/alerts/" + resolvedEarlier).then().body("reason", equalTo("REPORTED_IN_ERROR 情况不属实：电话核实，情况不属实"));
    }

    @Test
    void aProfileWithoutIdOrVersionGoesToTheDeadLetterTopicAndTheNextIsApplied() {
        UUID cadreId = UUID.randomUUID();
        ObjectNode broken = TopicProbe.object();
        broken.put("id", cadreId.toString());
        broken.put("communityCode", "SQ505");
        String noVersion = TopicProbe.publish("cadre-profiles", cadreId.toString(), "CadreRegistered", broken);
        String notJson = TopicProbe.publish("cadre-profiles", cadreId.toString(), "CadreRegistered", "[" + cadreId);
        Fixtures.publishProfileAndAwait(cadreId, 1, "SQ505", "SQ505-WG01", "DW505", "ACTIVE");

        List<TopicProbe.Received> dead = Fixtures.deadLetters("cadre-profiles", Set.of(noVersion, notJson));
        assertEquals(2, dead.size());
        for (TopicProbe.Received record : dead) {
            String reason = record.header("dead-letter-reason");
            assertTrue(reason != null && (reason.contains("lacks id or version") || reason.contains("not JSON")), reason);
        }
    }

    /**
     * One send (so, as a rule, one poll and one batch transaction): a redelivered record, a poison record, two
     * versions of one cadre, a first arrival a signal waits for, a move with an open alert and a death with one.
     * Each effect happens exactly once, the newest version wins, the poison record alone goes to the DLQ.
     */
    @Test
    void aBatchAppliesEachCadresNewestProfileOnceWithItsEffects() {
        UUID moving = Fixtures.knownCadre("SQ511", "SQ511-WG01", "DW511");
        UUID movingAlert = Api.report(moving, "HOSPITALISATION");
        UUID dying = Fixtures.knownCadre("SQ512", "SQ512-WG01", "DW512");
        UUID dyingAlert = Api.report(dying, "WORRY");
        UUID arriving = UUID.randomUUID();
        String waitingAlert = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), arriving, "HOSPITALISATION"))
                .statusCode(202).body("status", equalTo("PENDING_PROFILE")).extract().path("alertId");
        UUID twice = UUID.randomUUID();

        ProducerRecord<String, String> moved = Fixtures.profileRecord(moving, 2, "SQ513", "SQ513-WG01", "DW511",
                "ACTIVE");
        UUID unversioned = UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        TopicProbe.sendAll(List.of(moved,
                TopicProbe.record("cadre-profiles", unversioned.toString(), "CadreUpdated", poison,
                        Map.of("id", unversioned.toString(), "communityCode", "SQ517")),
                Fixtures.profileRecord(twice, 1, "SQ514", "SQ514-WG01", "DW514", "ACTIVE"),
                Fixtures.profileRecord(arriving, 1, "SQ515", "SQ515-WG01", "DW515", "ACTIVE"),
                moved,
                Fixtures.profileRecord(dying, 2, "SQ512", "SQ512-WG01", "DW512", "DECEASED"),
                Fixtures.profileRecord(twice, 2, "SQ516", "SQ516-WG01", "DW514", "ACTIVE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.held(twice) != null
                && Fixtures.held(twice).version == 2 && Fixtures.held(moving).version == 2
                && Fixtures.held(dying).version == 2 && Fixtures.held(arriving) != null);

        assertEquals("SQ516", Fixtures.held(twice).placement().communityCode);
        Api.admin().get("/api/v1/alerts/" + movingAlert).then().statusCode(200).body("communityCode", equalTo("SQ513"));
        Api.admin().get("/api/v1/alerts/" + dyingAlert).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("reason", equalTo("cadre DECEASED"));
        Api.admin().get("/api/v1/alerts/" + waitingAlert).then().statusCode(200)
                .body("communityCode", equalTo("SQ515"));
        List<String> houseMoves = Api.admin().get("/api/v1/alerts?kind=HOUSE_MOVE&cadreId=" + moving).then()
                .statusCode(200).extract().path("items.id");
        assertEquals(1, houseMoves.size(), "one move, one HOUSE_MOVE alert: " + houseMoves);
        assertEquals(1, tombstones(movingAlert), "the alert followed the cadre once");
        assertEquals(1, Fixtures.alertEventsDuring("AlertRaised", UUID.fromString(waitingAlert),
                Duration.ofSeconds(2)).size());
        List<JsonNode> resolved = Fixtures.alertEventsDuring("AlertResolved", dyingAlert, Duration.ofSeconds(2));
        assertEquals(1, resolved.size());
        List<TopicProbe.Received> dead = Fixtures.deadLetters("cadre-profiles", Set.of(poison));
        assertTrue(dead.get(0).header("dead-letter-reason").contains("lacks id or version"));
    }

    private long tombstones(UUID alertId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from tombstone where record_id = ?1").setParameter(1, alertId.toString())
                .getSingleResult()).longValue());
    }
}
