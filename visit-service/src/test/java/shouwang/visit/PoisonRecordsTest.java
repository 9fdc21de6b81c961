package shouwang.visit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * Poison on every topic visit-service consumes (cadre-profiles, alerts, volunteering, org-records): each record lands in
 * {@code <topic>.dlq} with a reason, and the good record sent after them all is still applied. Every poison record
 * has a key of its own, so its dead letter is found by key.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class PoisonRecordsTest {

    @AfterAll
    static void noLogLineHoldsAnIdNumberOrAPhone() {
        LogHygiene.assertNoPersonalNumbers();
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Under the broker's 1 MB record limit, far over any column. */
    static final String HUGE = "长".repeat(300_000);

    /** The poison shapes every topic gets, around one event's good data. */
    static Map<String, Runnable> poison(String topic, String eventName, Map<String, Object> good,
            String hugeField, Map<String, String> keys) {
        Map<String, Runnable> shapes = new LinkedHashMap<>();
        shapes.put("not JSON", () -> TopicProbe.publish(topic, key(keys, "not JSON"), eventName, "{not json"));
        shapes.put("an array", () -> TopicProbe.publish(topic, key(keys, "an array"), eventName, "[1,2,3]"));
        shapes.put("a bare string", () -> TopicProbe.publish(topic, key(keys, "a bare string"), eventName, "\"x\""));
        shapes.put("an empty object", () -> TopicProbe.publish(topic, key(keys, "an empty object"), eventName,
                Map.of()));
        shapes.put("an unknown type", () -> TopicProbe.publish(topic, key(keys, "an unknown type"),
                "SomethingNobodyPublishes", good));
        shapes.put("no ce_id", () -> {
            Map<String, String> headers = TopicProbe.cloudEvent(eventName);
            headers.remove("ce_id");
            TopicProbe.produce(topic, key(keys, "no ce_id"), json(good), headers);
        });
        shapes.put("no ce_type", () -> {
            Map<String, String> headers = TopicProbe.cloudEvent(eventName);
            headers.remove("ce_type");
            TopicProbe.produce(topic, key(keys, "no ce_type"), json(good), headers);
        });
        shapes.put("no headers", () -> TopicProbe.produce(topic, key(keys, "no headers"), json(good), Map.of()));
        shapes.put("a bad ce_time", () -> {
            Map<String, String> headers = TopicProbe.cloudEvent(eventName);
            headers.put("ce_time", "yesterday");
            TopicProbe.produce(topic, key(keys, "a bad ce_time"), json(good), headers);
        });
        shapes.put("a huge " + hugeField, () -> {
            Map<String, Object> huge = new LinkedHashMap<>(good);
            huge.put(hugeField, HUGE);
            TopicProbe.publish(topic, key(keys, "a huge " + hugeField), eventName, huge);
        });
        return shapes;
    }

    static String hugeShape(Map<String, String> keys) {
        return keys.keySet().stream().filter(shape -> shape.startsWith("a huge ")).findFirst().orElseThrow();
    }

    static String key(Map<String, String> keys, String shape) {
        return keys.computeIfAbsent(shape, s -> UUID.randomUUID().toString());
    }

    static String json(Object data) {
        try {
            return TopicProbe.JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends every shape, then checks each reached the DLQ with a reason. */
    static void sendAndExpectDeadLetters(String topic, Map<String, Runnable> shapes, Map<String, String> keys) {
        shapes.values().forEach(Runnable::run);
        List<TopicProbe.Received> dead = TopicProbe.received(topic + ".dlq", r -> keys.containsValue(r.key()),
                keys.size(), WAIT);
        List<String> missing = new ArrayList<>();
        keys.forEach((shape, key) -> {
            boolean found = dead.stream().anyMatch(r -> key.equals(r.key())
                    && r.header("dead-letter-reason") != null && !r.header("dead-letter-reason").isBlank());
            if (!found) {
                missing.add(shape);
            }
        });
        assertThat(missing).as(topic + ": poison shapes with no dead letter and reason").isEmpty();
        // a text too long for its column is refused by validation, naming the field, not after retried inserts
        assertThat(dead.stream().filter(r -> r.key().equals(keys.get(hugeShape(keys))))
                .map(r -> r.header("dead-letter-reason")).findFirst().orElse(""))
                .as(topic + ": the reason of the huge value").contains("size must be between");
    }

    @Test
    void poisonOnCadreProfilesIsDeadLetteredAndTheNextProfileIsApplied() {
        Map<String, Object> good = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Runnable> shapes = poison("cadre-profiles", "CadreUpdated", good, "name", keys);
        Map<String, Object> wrongType = new LinkedHashMap<>(good);
        wrongType.put("version", "第二版");
        shapes.put("version as text", () -> TopicProbe.publish("cadre-profiles", key(keys, "version as text"),
                "CadreUpdated", wrongType));
        sendAndExpectDeadLetters("cadre-profiles", shapes, keys);

        Map<String, Object> next = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        Profiles.registered(next);
        // the profile under an unknown event name was not applied
        assertThat(TestDb.cadreVersion(UUID.fromString((String) good.get("id")))).isEqualTo(-1);
    }

    @Test
    void poisonOnAlertsIsDeadLetteredAndTheNextMustVisitRequiredMakesItsTasks() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        Map<String, Object> good = mustVisit(cadreId);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Runnable> shapes = poison("alerts", "MustVisitRequired", good, "kind", keys);
        Map<String, Object> badLayer = new LinkedHashMap<>(good);
        badLayer.put("layers", List.of(Map.of("layer", "MOON", "orgCode", "SQ001")));
        shapes.put("an unknown layer", () -> TopicProbe.publish("alerts", key(keys, "an unknown layer"),
                "MustVisitRequired", badLayer));
        Map<String, Object> hugeOrg = new LinkedHashMap<>(good);
        hugeOrg.put("layers", List.of(Map.of("layer", "UNIT", "orgCode", HUGE)));
        shapes.put("a huge orgCode", () -> TopicProbe.publish("alerts", key(keys, "a huge orgCode"),
                "MustVisitRequired", hugeOrg));
        sendAndExpectDeadLetters("alerts", shapes, keys);

        Map<String, Object> next = mustVisit(cadreId);
        TopicProbe.publish("alerts", cadreId.toString(), "MustVisitRequired", next);
        Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .queryParam("alertId", next.get("alertId")).get("/api/v1/tasks").then().extract()
                .<Integer>path("total") == 2);
        // none of the poison made a task for the cadre: only the good alert's two
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId).get("/api/v1/tasks").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void poisonOnVolunteeringIsDeadLetteredAndTheNextPairingIsApplied() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Runnable> shapes = poison("volunteering", "PairingCreated", pairing(cadreId), "volunteerName",
                keys);
        sendAndExpectDeadLetters("volunteering", shapes, keys);

        TopicProbe.publish("volunteering", cadreId.toString(), "PairingCreated", pairing(cadreId));
        Awaitility.await().atMost(WAIT).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .queryParam("cadreId", cadreId).get("/api/v1/contacts").then().extract().jsonPath()
                .getList("layer").stream().filter("NEIGHBOUR"::equals).count() == 1);
    }

    @Test
    void poisonOnOrgRecordsIsDeadLetteredAndTheNextRecordIsApplied() {
        String code = "PO" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> good = OrgRecords.record("COMMUNITY", code, "毒社区", "JD001", 1,
                List.of(OrgRecords.person("LEADER", "赵卫东", "13905310001")));
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Runnable> shapes = poison("org-records", "OrgRecordChanged", good, "name", keys);
        Map<String, Object> badKind = new LinkedHashMap<>(good);
        badKind.put("kind", "PROVINCE");
        shapes.put("an unknown kind", () -> TopicProbe.publish("org-records", key(keys, "an unknown kind"),
                "OrgRecordChanged", badKind));
        Map<String, Object> noVersion = new LinkedHashMap<>(good);
        noVersion.remove("version");
        shapes.put("no version", () -> TopicProbe.publish("org-records", key(keys, "no version"),
                "OrgRecordChanged", noVersion));
        sendAndExpectDeadLetters("org-records", shapes, keys);

        OrgRecords.applied(good);
        assertThat(TestDb.orgVersion("COMMUNITY", code)).isEqualTo(1);
    }

    static Map<String, Object> mustVisit(UUID cadreId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("alertId", UUID.randomUUID().toString());
        event.put("cadreId", cadreId.toString());
        event.put("kind", "HOSPITALISATION");
        event.put("level", 0);
        event.put("deadline", Instant.now().plus(Duration.ofDays(1)).toString());
        event.put("layers", List.of(Map.of("layer", "UNIT", "orgCode", "DW001"),
                Map.of("layer", "COMMUNITY", "orgCode", "SQ001")));
        event.put("notify", List.of());
        return event;
    }

    static Map<String, Object> pairing(UUID cadreId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("pairingId", UUID.randomUUID().toString());
        event.put("cadreId", cadreId.toString());
        event.put("volunteerId", UUID.randomUUID().toString());
        event.put("volunteerName", "刘芳");
        event.put("volunteerPhone", "13700000000");
        event.put("cadence", "P7D");
        event.put("startedOn", "2026-11-01");
        return event;
    }
}
