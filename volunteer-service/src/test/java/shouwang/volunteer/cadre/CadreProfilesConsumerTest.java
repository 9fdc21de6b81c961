package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CadreProfilesConsumerTest {

    @Test
    void aMalformedProfileGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID id = UUID.randomUUID();
        String poison = Fixtures.send("cadre-profiles", id.toString(), "CadreUpdated", "{not json");
        String missingVersion = Fixtures.send("cadre-profiles", id.toString(), "CadreUpdated",
                "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\"}");
        Fixtures.sendProfile(Fixtures.profile(id, 1, "SQ501", "ACTIVE", "FULL", List.of()));

        ConsumerRecord<String, String> dead = Fixtures.awaitRecord("cadre-profiles.dlq",
                r -> poison.equals(Fixtures.header(r, "ce_id")));
        assertNotNull(Fixtures.header(dead, "dead-letter-reason"));
        ConsumerRecord<String, String> deadToo = Fixtures.awaitRecord("cadre-profiles.dlq",
                r -> missingVersion.equals(Fixtures.header(r, "ce_id")));
        assertNotNull(Fixtures.header(deadToo, "dead-letter-reason"));

        Fixtures.awaitCadre(id, 1);
        assertEquals("SQ501", Fixtures.cadreRef(id).communityCode);
    }

    @Test
    void anOlderOrRepeatedProfileVersionDoesNotOverwriteANewerOne() {
        UUID id = UUID.randomUUID();
        Fixtures.sendProfile(Fixtures.profile(id, 3, "SQ501", "ACTIVE", "FULL", List.of("WIDOWED_CHILDLESS")));
        Fixtures.awaitCadre(id, 3);
        String older = Fixtures.sendProfile(Fixtures.profile(id, 2, "SQ502", "MOVED_AWAY", "FULL", List.of()));
        String same = Fixtures.sendProfile(Fixtures.profile(id, 3, "SQ503", "ACTIVE", "FULL", List.of()));
        Fixtures.awaitConsumed(older);
        Fixtures.awaitConsumed(same);

        CadreRef cadre = Fixtures.cadreRef(id);
        assertEquals(3, cadre.version);
        assertEquals("SQ501", cadre.communityCode);
        assertEquals("ACTIVE", cadre.status);
        assertEquals(java.util.Set.of("WIDOWED_CHILDLESS"), cadre.categories());

        Fixtures.sendProfile(Fixtures.profile(id, 4, "SQ504", "ACTIVE", "PARTIAL", List.of()));
        Fixtures.awaitCadre(id, 4);
        assertEquals("SQ504", Fixtures.cadreRef(id).communityCode);
    }
}
