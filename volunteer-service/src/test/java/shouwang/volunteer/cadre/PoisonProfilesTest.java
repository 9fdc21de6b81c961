package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;
import shouwang.volunteer.HostileProfile;

/**
 * Every shape of poison on {@code cadre-profiles} (the only topic volunteer-service consumes) lands on
 * {@code cadre-profiles.dlq} with a {@code dead-letter-reason}, and the good record sent right after each is applied:
 * one bad record never holds up the partition. Each case is keyed by the cadre it precedes, so they share one
 * partition's order as registry's records for one cadre do.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class PoisonProfilesTest {

    /** Kafka's default max.message.bytes is 1 MB: "huge" stays under it so the broker takes the record. */
    private static final String LONG = "长".repeat(200_000);

    private static Map<String, Object> good(UUID id) {
        return Fixtures.profile(id, 1, "SQ001", "ACTIVE", "FULL", List.of());
    }

    private static Map<String, Object> with(UUID id, String field, Object value) {
        Map<String, Object> profile = new HashMap<>(good(id));
        profile.put(field, value);
        return profile;
    }

    /** Data that is not a profile, by what is wrong with it. */
    private static Map<String, Object> poisonData(UUID id) {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("not JSON", "{not json");
        cases.put("XML", "<profile/>");
        cases.put("JSON array", "[]");
        cases.put("JSON string", "\"CadreUpdated\"");
        cases.put("JSON number", "42");
        cases.put("JSON null", "null");
        cases.put("id not a UUID", with(id, "id", "not-a-uuid"));
        cases.put("version as text", with(id, "version", "seven"));
        cases.put("version past a long", new java.math.BigInteger("99999999999999999999999"));
        cases.put("status missing", with(id, "status", null));
        cases.put("community as object", with(id, "communityCode", Map.of("code", "SQ001")));
        cases.put("categories as text", with(id, "specialCategories", "WIDOWED_CHILDLESS"));
        cases.put("huge name", with(id, "name", LONG));
        cases.put("huge community code", with(id, "communityCode", "SQ" + "0".repeat(5_000)));
        cases.put("huge status", with(id, "status", "ACTIVE".repeat(1_000)));
        cases.put("many categories", with(id, "specialCategories", java.util.Collections.nCopies(5_000, "WIDOWED")));
        cases.put("a null category", with(id, "specialCategories", java.util.Arrays.asList("WIDOWED_CHILDLESS", null)));
        return cases;
    }

    @Test
    void everyMalformedProfileIsDeadLetteredWithAReasonAndTheNextProfileIsApplied() {
        List<String> wrong = new java.util.ArrayList<>();
        Map<String, UUID> next = new LinkedHashMap<>();
        Map<String, String> poisonIds = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : poisonData(UUID.randomUUID()).entrySet()) {
            UUID id = UUID.randomUUID();
            Object data = c.getValue();
            if (data instanceof java.math.BigInteger huge) {
                data = "{\"id\":\"" + id + "\",\"version\":" + huge + ",\"status\":\"ACTIVE\"}";
            } else if (data instanceof Map<?, ?> profile) {
                Map<String, Object> own = new HashMap<>();
                profile.forEach((k, v) -> own.put((String) k, v));
                if (!"not-a-uuid".equals(own.get("id"))) {
                    own.put("id", id.toString());
                }
                data = own;
            }
            poisonIds.put(c.getKey(), TopicProbe.publish(Fixtures.CADRE_PROFILES, id.toString(), "CadreUpdated", data));
            Fixtures.sendProfile(good(id));
            next.put(c.getKey(), id);
        }
        for (Map.Entry<String, String> c : poisonIds.entrySet()) {
            TopicProbe.Received dead;
            try {
                dead = Fixtures.awaitDeadLetter(c.getValue());
            } catch (AssertionError e) {
                wrong.add(c.getKey() + ": not dead-lettered");
                continue;
            }
            String reason = dead.header("dead-letter-reason");
            if (reason == null || reason.isBlank()) {
                wrong.add(c.getKey() + ": dead-lettered without a reason");
            } else if (reason.contains("长长长") || reason.contains("00000000000000")) {
                wrong.add(c.getKey() + ": the reason repeats the huge value (" + reason.length() + " chars)");
            }
        }
        for (Map.Entry<String, UUID> c : next.entrySet()) {
            try {
                Fixtures.awaitCadre(c.getValue(), 1);
            } catch (RuntimeException e) {
                wrong.add(c.getKey() + ": the good profile after it was not applied");
            }
        }
        System.out.printf("POISON cadre-profiles cases=%d wrong=%d%n", poisonIds.size(), wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aRecordWithoutCloudEventHeadersIsDeadLetteredAndTheNextOneIsApplied() {
        UUID id = UUID.randomUUID();
        String body;
        try {
            body = TopicProbe.JSON.writeValueAsString(good(id));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> noId = TopicProbe.cloudEvent("CadreUpdated");
        noId.remove("ce_id");
        TopicProbe.produce(Fixtures.CADRE_PROFILES, id.toString(), body, noId);
        Map<String, String> noType = TopicProbe.cloudEvent("CadreUpdated");
        noType.remove("ce_type");
        TopicProbe.produce(Fixtures.CADRE_PROFILES, id.toString(), body, noType);
        TopicProbe.produce(Fixtures.CADRE_PROFILES, id.toString(), body, Map.of());
        UUID after = UUID.randomUUID();
        Fixtures.sendProfile(good(after));

        List<TopicProbe.Received> dead = TopicProbe.received(Fixtures.CADRE_PROFILES + ".dlq",
                r -> id.toString().equals(r.key()), 3, Duration.ofSeconds(20));
        // the DLQ is at least once (docs/events.md): three records, each perhaps sent again after a rebalance
        assertEquals(3, dead.stream().map(r -> String.valueOf(r.data()) + r.headers().keySet()).distinct().count(),
                "three records without ce_id or ce_type: " + dead);
        for (TopicProbe.Received record : dead) {
            assertNotNull(record.header("dead-letter-reason"), record.toString());
            assertTrue(record.header("dead-letter-reason").contains("missing ce_"), record.header("dead-letter-reason"));
        }
        Fixtures.awaitCadre(after, 1);
        assertNull(Fixtures.cadreRef(id), "a record that is not a CloudEvent is not applied");
    }

    @Test
    void anUnknownEventTypeCarryingAProfileIsAppliedButOneCarryingSomethingElseIsDeadLettered() {
        // docs/events.md: every record on cadre-profiles carries the full current profile, so a type registry adds
        // later (say CadreRenamed) is applied like the others rather than lost; its data must still be a profile
        UUID id = UUID.randomUUID();
        String other = TopicProbe.publish(Fixtures.CADRE_PROFILES, id.toString(), "CadreHoroscopeCast",
                Map.of("sign", "天秤座"));
        TopicProbe.publish(Fixtures.CADRE_PROFILES, id.toString(), "CadreRenamed", good(id));
        assertNotNull(Fixtures.awaitDeadLetter(other).header("dead-letter-reason"));
        Fixtures.awaitCadre(id, 1);
        assertFalse(Fixtures.cadreRef(id).placement().communityCode.isEmpty());
    }
}
