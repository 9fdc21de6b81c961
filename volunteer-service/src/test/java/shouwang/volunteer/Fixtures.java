package shouwang.volunteer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.cadre.CadreRef;

/** Test data through the real paths: cadre profiles over Kafka, events read back from Kafka. */
public final class Fixtures {

    public static final String CADRE_PROFILES = "cadre-profiles";
    static final Duration WAIT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    /** A cadre profile as registry publishes it (only the fields volunteering reads, plus a few). */
    public static Map<String, Object> profile(UUID id, long version, String community, String status,
            String selfCare, List<String> specialCategories) {
        return Map.ofEntries(Map.entry("id", id.toString()), Map.entry("version", version),
                Map.entry("updatedAt", "2026-11-22T08:00:00Z"), Map.entry("name", "测试老干部"),
                Map.entry("phone", "13800000000"), Map.entry("communityCode", community),
                Map.entry("gridCode", community + "-WG01"), Map.entry("unitCode", "DW001"),
                Map.entry("status", status), Map.entry("selfCare", selfCare),
                Map.entry("specialCategories", specialCategories), Map.entry("contacts", List.of()));
    }

    /** Publishes the profile as registry does ({@code CadreUpdated}); returns the ce_id of the record sent. */
    public static String sendProfile(Map<String, Object> profile) {
        return TopicProbe.publish(CADRE_PROFILES, (String) profile.get("id"), "CadreUpdated", profile);
    }

    /** Waits until volunteer-service's cadre-profiles consumer has taken the record with this ce_id. */
    public static void awaitConsumed(String ceId) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ((Number) CadreRef.getEntityManager().createNativeQuery(
                        "select count(*) from inbox_message where ce_id = ?1").setParameter(1, ceId)
                        .getSingleResult()).longValue() == 1));
    }

    /** Registers a cadre in volunteering's read model the way registry does, and waits until it is applied. */
    public static UUID activeCadre(String community, String... specialCategories) {
        return cadre(community, "ACTIVE", "FULL", specialCategories);
    }

    public static UUID cadre(String community, String status, String selfCare, String... specialCategories) {
        UUID id = UUID.randomUUID();
        sendProfile(profile(id, 1, community, status, selfCare, List.of(specialCategories)));
        awaitCadre(id, 1);
        return id;
    }

    public static void awaitCadre(UUID id, long version) {
        await().atMost(WAIT).until(() -> {
            CadreRef cadre = cadreRef(id);
            return cadre != null && cadre.version >= version;
        });
    }

    public static CadreRef cadreRef(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> CadreRef.<CadreRef>findById(id));
    }

    /**
     * The one event of that type on {@code volunteering} whose data has {@code field} = {@code value}: it must come
     * within 20 s, and no second event may follow it (a redelivery of the same {@code ce_id} is not a second event).
     */
    public static TopicProbe.Received awaitEvent(String eventName, String field, Object value) {
        List<TopicProbe.Received> found = TopicProbe.events(Volunteering.TOPIC, eventName,
                data -> String.valueOf(value).equals(data.path(field).asText()), 1, WAIT);
        assertEquals(1, found.stream().map(TopicProbe.Received::id).distinct().count(),
                eventName + " with " + field + "=" + value + ": " + found);
        return found.get(0);
    }

    /** The field names of an event's data, to prove the JSON on the topic keeps exactly its documented fields. */
    public static Set<String> fields(JsonNode data) {
        Set<String> names = new TreeSet<>();
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The dead-lettered copy of the cadre-profiles record with this ce_id. */
    public static TopicProbe.Received awaitDeadLetter(String ceId) {
        List<TopicProbe.Received> found = TopicProbe.received(CADRE_PROFILES + ".dlq", r -> ceId.equals(r.id()), 1,
                WAIT);
        assertFalse(found.isEmpty(), "no dead letter of " + ceId);
        return found.get(0);
    }
}
