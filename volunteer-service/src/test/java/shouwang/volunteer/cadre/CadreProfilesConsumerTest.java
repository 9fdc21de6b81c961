package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CadreProfilesConsumerTest {

    @Test
    void aMalformedProfileGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID id = UUID.randomUUID();
        String poison = TopicProbe.publish(Fixtures.CADRE_PROFILES, id.toString(), "CadreUpdated", "{not json");
        String missingVersion = TopicProbe.publish(Fixtures.CADRE_PROFILES, id.toString(), "CadreUpdated",
                "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\"}");
        Fixtures.sendProfile(Fixtures.profile(id, 1, "SQ501", "ACTIVE", "FULL", List.of()));

        assertNotNull(Fixtures.awaitDeadLetter(poison).header("dead-letter-reason"));
        assertNotNull(Fixtures.awaitDeadLetter(missingVersion).header("dead-letter-reason"));

        Fixtures.awaitCadre(id, 1);
        assertEquals("SQ501", Fixtures.cadreRef(id).placement().communityCode);
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
        assertEquals("SQ501", cadre.placement().communityCode);
        assertEquals("ACTIVE", cadre.status);
        assertEquals(java.util.Set.of("WIDOWED_CHILDLESS"), cadre.categories());

        Fixtures.sendProfile(Fixtures.profile(id, 4, "SQ504", "ACTIVE", "PARTIAL", List.of()));
        Fixtures.awaitCadre(id, 4);
        assertEquals("SQ504", Fixtures.cadreRef(id).placement().communityCode);
    }
}
