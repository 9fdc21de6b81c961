package shouwang.visit.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;
import shouwang.visit.TestDb;

/**
 * A bulk load's profiles sent at once on the real broker (so they arrive in the same polls and are applied as one
 * batch each): of two versions of a cadre the newer, a redelivered ce_id once, a poison record to the DLQ alone, a
 * profile older than the one held ignored, and every other profile of the batch applied.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ProfileBatchTest {

    @Test
    void aBatchWithTwoVersionsADuplicateAPoisonRecordAndAStaleProfileAppliesExactlyTheRightEffects() {
        UUID held = Profiles.registered(Profiles.profile(UUID.randomUUID(), 3, "SQ003", "SQ003-WG01", "DW003"));
        UUID twoVersions = UUID.randomUUID();
        UUID duplicated = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        Map<String, Object> v1 = Profiles.profile(twoVersions, 1, "SQ001", "SQ001-WG01", "DW001");
        Map<String, Object> v2 = Profiles.profile(twoVersions, 2, "SQ002", "SQ002-WG02", "DW002");
        Map<String, Object> withoutVersion = Profiles.profile(poison, 1, "SQ001", "SQ001-WG01", "DW001");
        withoutVersion.remove("version");
        Map<String, Object> withoutContacts = Profiles.profile(UUID.randomUUID(), 1, "SQ004", "SQ004-WG01", "DW004");
        withoutContacts.remove("contacts");
        String duplicateCeId = UUID.randomUUID().toString();
        Map<String, Object> once = Profiles.profile(duplicated, 1, "SQ001", "SQ001-WG03", "DW001");
        List<ProducerRecord<String, String>> batch = List.of(
                record(v1, "CadreRegistered", UUID.randomUUID().toString()),
                record(once, "CadreRegistered", duplicateCeId),
                record(withoutVersion, "CadreRegistered", UUID.randomUUID().toString()),
                record(Profiles.profile(held, 2, "SQ777", "SQ777-WG01", "DW777"), "CadreUpdated",
                        UUID.randomUUID().toString()),
                record(once, "CadreRegistered", duplicateCeId),
                record(withoutContacts, "CadreRegistered", UUID.randomUUID().toString()),
                record(v2, "CadreUpdated", UUID.randomUUID().toString()));
        TopicProbe.sendAll(batch);

        Profiles.awaitVersion(v2);
        Profiles.awaitVersion(once);
        Profiles.awaitVersion(withoutContacts);
        assertThat(TestDb.queryLong("select count(*) from cadre where id = ? and community_code = 'SQ002' "
                + "and status = 'ACTIVE'", twoVersions)).as("v2's data").isEqualTo(1);
        assertThat(ReadModelTest.contactsOf(twoVersions)).extracting(c -> c.get("layer") + "/" + c.get("orgCode"))
                .containsExactly("UNIT/DW002", "COMMUNITY/SQ002", "GRID/SQ002-WG02");
        assertThat(ReadModelTest.contactsOf(duplicated)).hasSize(3);
        assertThat(TestDb.queryLong("select count(*) from cadre_contact where cadre_id = ?",
                UUID.fromString((String) withoutContacts.get("id")))).isZero();
        assertThat(TestDb.queryLong("select count(*) from inbox_message where ce_id = ?", duplicateCeId)).isEqualTo(1);

        List<TopicProbe.Received> dead = TopicProbe.received("cadre-profiles.dlq",
                r -> poison.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        // the DLQ is at least once (docs/events.md): one poison record, perhaps sent again after a rebalance
        assertThat(dead).extracting(TopicProbe.Received::id).containsOnly(ceId(batch.get(2)));
        assertThat(TestDb.cadreVersion(poison)).isEqualTo(-1);

        String stale = ceId(batch.get(3));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> TestDb.queryLong("select count(*) from inbox_message where ce_id = ?", stale) == 1);
        assertThat(TestDb.cadreVersion(held)).as("the stale v2 is ignored").isEqualTo(3);
        assertThat(ReadModelTest.contactsOf(held)).extracting(c -> (String) c.get("orgCode"))
                .containsExactly("DW003", "SQ003", "SQ003-WG01");
    }

    /**
     * A re-import (every cadre one version up, in one batch): contacts that did not change are left as they are (the
     * same row version), a changed phone is written, a layer the newer profile no longer names is gone, and a profile
     * without contacts leaves none; a cadre not held before gets all of its contacts.
     */
    @Test
    void aReimportRewritesOnlyTheContactsThatChanged() {
        Map<String, Object> same = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        Map<String, Object> newPhone = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG02", "DW001");
        Map<String, Object> lessLayers = Profiles.profile(UUID.randomUUID(), 1, "SQ002", "SQ002-WG01", "DW001");
        Map<String, Object> noContacts = Profiles.profile(UUID.randomUUID(), 1, "SQ002", "SQ002-WG02", "DW001");
        List<Map<String, Object>> held = List.of(same, newPhone, lessLayers, noContacts);
        TopicProbe.sendAll(held.stream().map(p -> record(p, "CadreRegistered", UUID.randomUUID().toString())).toList());
        held.forEach(Profiles::awaitVersion);
        UUID sameId = UUID.fromString((String) same.get("id"));
        long rowVersions = contactRowVersions(sameId);

        held.forEach(p -> p.put("version", 2L));
        contacts(newPhone).set(2, Map.of("layer", "GRID", "name", "孙强", "phone", "13900000009",
                "orgCode", "SQ001-WG02"));
        contacts(lessLayers).remove(0);
        noContacts.remove("contacts");
        Map<String, Object> fresh = Profiles.profile(UUID.randomUUID(), 1, "SQ003", "SQ003-WG01", "DW001");
        List<Map<String, Object>> reimport = new java.util.ArrayList<>(held);
        reimport.add(fresh);
        TopicProbe.sendAll(reimport.stream().map(p -> record(p, "CadreUpdated", UUID.randomUUID().toString()))
                .toList());
        reimport.forEach(Profiles::awaitVersion);

        assertThat(contactRowVersions(sameId)).as("unchanged contacts are not rewritten").isEqualTo(rowVersions);
        assertThat(ReadModelTest.contactsOf(UUID.fromString((String) newPhone.get("id"))))
                .extracting(c -> c.get("layer") + "/" + c.get("phone"))
                .containsExactly("UNIT/13900000001", "COMMUNITY/13900000002", "GRID/13900000009");
        assertThat(ReadModelTest.contactsOf(UUID.fromString((String) lessLayers.get("id"))))
                .extracting(c -> (String) c.get("layer")).containsExactly("COMMUNITY", "GRID");
        assertThat(TestDb.queryLong("select count(*) from cadre_contact where cadre_id = ?",
                UUID.fromString((String) noContacts.get("id")))).isZero();
        assertThat(ReadModelTest.contactsOf(UUID.fromString((String) fresh.get("id")))).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> contacts(Map<String, Object> profile) {
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) profile.get("contacts");
        return contacts;
    }

    /**
     * The row versions (xmin) of a cadre's contacts, summed: the same after a statement that wrote none of them,
     * larger once one is rewritten (its new version carries a newer transaction id).
     */
    private static long contactRowVersions(UUID cadreId) {
        return TestDb.queryLong("select sum(xmin::text::bigint) from cadre_contact where cadre_id = ?", cadreId);
    }

    private static ProducerRecord<String, String> record(Map<String, Object> profile, String eventName, String ceId) {
        return TopicProbe.record("cadre-profiles", (String) profile.get("id"), eventName, ceId, profile);
    }

    private static String ceId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
