package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

/**
 * A registry import as volunteering receives it: thousands of profiles at once, consumed in batches. Among them a
 * repeated record, a poison record and second versions of some cadres: every cadre ends at its newest version, the
 * repeat is one inbox row, the poison record alone is dead-lettered.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class BulkProfilesTest {

    private static final int CADRES = 2_000;

    @Test
    void anImportsProfilesApplyAtTheirNewestVersionWithThePoisonRecordAloneDeadLettered() {
        String community = "SQ7" + (System.nanoTime() % 100);
        List<UUID> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        String repeatedId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        for (int i = 0; i < CADRES; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String ceId = i == 10 ? repeatedId : UUID.randomUUID().toString();
            records.add(TopicProbe.record(Fixtures.CADRE_PROFILES, id.toString(), "CadreRegistered", ceId,
                    Fixtures.profile(id, 1, community, "ACTIVE", "FULL", List.of())));
            if (i == 10) {
                records.add(TopicProbe.record(Fixtures.CADRE_PROFILES, id.toString(), "CadreRegistered", ceId,
                        Fixtures.profile(id, 1, community, "ACTIVE", "FULL", List.of())));
            }
            if (i == 500) {
                records.add(TopicProbe.record(Fixtures.CADRE_PROFILES, id.toString(), "CadreUpdated", poisonId,
                        "{not json"));
            }
            if (i % 4 == 0) {
                records.add(TopicProbe.record(Fixtures.CADRE_PROFILES, id.toString(), "CadreUpdated",
                        UUID.randomUUID().toString(), Fixtures.profile(id, 2, community + "X", "ACTIVE", "PARTIAL",
                                List.of())));
            }
        }

        TopicProbe.sendAll(records);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from cadre_ref where community_code in (?1, ?1 || 'X')",
                        community) == CADRES);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from cadre_ref where community_code = ?1 || 'X'"
                        + " and version = 2", community) == CADRES / 4);
        assertEquals(CADRES - CADRES / 4, count("select count(*) from cadre_ref where community_code = ?1"
                + " and version = 1", community), "every other cadre at its first version");
        assertEquals(2, Fixtures.cadreRef(ids.get(0)).version);
        assertEquals(1, Fixtures.cadreRef(ids.get(1)).version);
        assertEquals(1, count("select count(*) from inbox_message where ce_id = ?1", repeatedId));
        assertNotNull(Fixtures.awaitDeadLetter(poisonId).header("dead-letter-reason"));
    }

    private static long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) CadreRef.getEntityManager()
                .createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }
}
