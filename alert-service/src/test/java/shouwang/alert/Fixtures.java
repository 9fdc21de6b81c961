package shouwang.alert;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.org.OrgRecord;
import shouwang.kit.testing.TopicProbe;

/**
 * alert-service's partners on the real broker, through {@link TopicProbe}: registry's cadre profiles, visit-service's
 * task events, and what alert-service published on {@code alerts} and the dead-letter topics.
 */
public final class Fixtures {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    /** A cadre registered the way registry does it, once alert-service holds its profile. */
    public static UUID knownCadre(String community, String grid, String unit) {
        UUID cadreId = UUID.randomUUID();
        publishProfileAndAwait(cadreId, 1, community, grid, unit, "ACTIVE");
        return cadreId;
    }

    /** Publishes the profile and waits until alert-service holds that version. */
    public static void publishProfileAndAwait(UUID cadreId, long version, String community, String grid, String unit,
            String status) {
        TopicProbe.send(profileRecord(cadreId, version, community, grid, unit, status));
        await().atMost(WAIT).until(() -> {
            CadreProfile held = held(cadreId);
            return held != null && held.version == version;
        });
    }

    /** A cadre-profiles event with the full profile (contacts for UNIT, COMMUNITY and GRID). */
    public static ProducerRecord<String, String> profileRecord(UUID cadreId, long version, String community,
            String grid, String unit, String status) {
        return profileRecord(cadreId, version, community, grid, unit, status, null);
    }

    /** The same, with the street registry names for the cadre's community ({@code streetCode}). */
    public static ProducerRecord<String, String> profileRecord(UUID cadreId, long version, String community,
            String grid, String unit, String status, String streetCode) {
        return TopicProbe.record("cadre-profiles", cadreId.toString(),
                version == 1 ? "CadreRegistered" : "CadreUpdated", UUID.randomUUID().toString(),
                profileData(cadreId, version, community, grid, unit, status, streetCode));
    }

    /** The data of a cadre-profiles event: the full profile. */
    public static Map<String, Object> profileData(UUID cadreId, long version, String community, String grid,
            String unit, String status, String streetCode) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", cadreId.toString());
        data.put("version", version);
        data.put("updatedAt", Instant.now().toString());
        data.put("name", "王建国");
        data.put("idNumberMasked", "110101********123X");
        data.put("communityCode", community);
        data.put("gridCode", grid);
        data.put("unitCode", unit);
        data.put("streetCode", streetCode);
        data.put("status", status);
        data.put("contacts", List.of(
                contact("UNIT", "李红", "13900000001", unit),
                contact("COMMUNITY", "赵敏", "13900000002", community),
                contact("GRID", "孙强", "13900000003", grid)));
        return data;
    }

    /** Publishes an org record on org-records as registry does (key KIND:code); returns its ce_id. */
    public static String orgRecord(String kind, String code, String name, String parentCode, long version,
            List<Map<String, Object>> people) {
        return orgRecord("org-records", kind, code, name, parentCode, version, people);
    }

    /** The same on another topic (a profile reading org records elsewhere, {@link CityProfile}). */
    public static String orgRecord(String topic, String kind, String code, String name, String parentCode,
            long version, List<Map<String, Object>> people) {
        return TopicProbe.publish(topic, kind + ":" + code, "OrgRecordChanged",
                shouwang.kit.testing.OrgRecordData.of(kind, code, name, parentCode, version, people));
    }

    /** Publishes the org record and waits until alert-service holds that version. */
    public static void orgRecordAndAwait(String kind, String code, String name, String parentCode, long version,
            List<Map<String, Object>> people) {
        orgRecordAndAwait("org-records", kind, code, name, parentCode, version, people);
    }

    /** The same on another topic. */
    public static void orgRecordAndAwait(String topic, String kind, String code, String name, String parentCode,
            long version, List<Map<String, Object>> people) {
        orgRecord(topic, kind, code, name, parentCode, version, people);
        await().atMost(WAIT).until(() -> {
            OrgRecord held = QuarkusTransaction.requiringNew().call(() -> OrgRecord.findById(kind + ":" + code));
            return held != null && held.version == version;
        });
    }

    /** Whether alert-service's consumer has taken the event with this ce_id (its inbox row committed). */
    public static boolean consumed(String consumer, String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CadreProfile.getEntityManager()
                .createNativeQuery("select count(*) from inbox_message where consumer = ?1 and ce_id = ?2")
                .setParameter(1, consumer).setParameter(2, ceId).getSingleResult()).longValue() > 0);
    }

    public static Map<String, Object> person(String role, String name, String phone) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("role", role);
        person.put("name", name);
        person.put("phone", phone);
        return person;
    }

    public static CadreProfile held(UUID cadreId) {
        return QuarkusTransaction.requiringNew().call(() -> CadreProfile.findById(cadreId));
    }

    /** A VisitMissed of a must-visit task, as visit-service publishes it on {@code visits}; returns its ce_id. */
    public static String mustVisitMissed(UUID cadreId, UUID alertId, String layer, String org, int level) {
        ObjectNode data = mustVisitTask(cadreId, alertId, layer, org, level);
        data.put("kind", "MUST_VISIT");
        data.put("deadline", Instant.now().minusSeconds(60).toString());
        data.put("detectedAt", Instant.now().toString());
        data.put("daysOverdue", 0);
        return TopicProbe.publish("visits", cadreId.toString(), "VisitMissed", data);
    }

    /** A MustVisitTaskCompleted, as visit-service publishes it on {@code visits}; returns its ce_id. */
    public static String mustVisitCompleted(UUID cadreId, UUID alertId, String layer, String org, int level) {
        ObjectNode data = mustVisitTask(cadreId, alertId, layer, org, level);
        data.put("visitId", UUID.randomUUID().toString());
        data.put("completedAt", Instant.now().toString());
        return TopicProbe.publish("visits", cadreId.toString(), "MustVisitTaskCompleted", data);
    }

    private static ObjectNode mustVisitTask(UUID cadreId, UUID alertId, String layer, String org, int level) {
        ObjectNode data = TopicProbe.object();
        data.put("taskId", UUID.randomUUID().toString());
        data.put("alertId", alertId.toString());
        data.put("cadreId", cadreId.toString());
        data.put("layer", layer);
        data.put("orgCode", org);
        data.put("level", level);
        return data;
    }

    /**
     * The data of the {@code alerts} events of this type about the alert, once {@code count} are there (reading on
     * briefly, so one too many shows); fails when fewer arrive within 30 s.
     */
    public static List<JsonNode> alertEvents(String eventName, UUID alertId, int count) {
        List<JsonNode> found = alertEvents(eventName, alertId, count, WAIT);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " " + eventName + " of alert " + alertId + " on alerts, found "
                    + found.size());
        }
        return found;
    }

    /** All such events that show up while the topic is read for {@code period}, e.g. to see that no more come. */
    public static List<JsonNode> alertEventsDuring(String eventName, UUID alertId, Duration period) {
        return alertEvents(eventName, alertId, Integer.MAX_VALUE, period);
    }

    private static List<JsonNode> alertEvents(String eventName, UUID alertId, int count, Duration timeout) {
        return TopicProbe.events("alerts", eventName, data -> alertId.toString().equals(data.path("alertId").asText()),
                count, timeout).stream().map(TopicProbe.Received::data).toList();
    }

    /** The records with these ce_ids that reached {@code <topic>.dlq}, once all of them are there. */
    public static List<TopicProbe.Received> deadLetters(String topic, Set<String> ceIds) {
        return TopicProbe.received(topic + ".dlq", r -> r.id() != null && ceIds.contains(r.id()), ceIds.size(), WAIT);
    }

    private static Map<String, Object> contact(String layer, String name, String phone, String org) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("layer", layer);
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("orgCode", org);
        return contact;
    }
}
