package shouwang.registry.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Key versions of the ID-number protection (issue 14): what an old row, a new write and a missing key give. */
class IdNumberProtectorTest {

    private static final String NUMBER = "11010119360405001X";
    private static final byte[] V1 = key();
    private static final byte[] V2 = key();

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aValueWrittenUnderVersionOneIsReadByAProtectorHoldingBothVersions() {
        IdNumberProtector before = new IdNumberProtector(Map.of(1, V1), 1);
        String stored = before.encrypt(NUMBER);
        assertFalse(stored.contains(":"), "version 1 keeps the format of rows written before versions: " + stored);

        IdNumberProtector rotated = new IdNumberProtector(Map.of(1, V1, 2, V2), 2);
        assertEquals(NUMBER, rotated.decrypt(stored));
        assertEquals(1, IdNumberProtector.versionOf(stored));
        // a lookup tries every version's index: the old row's index is among them
        assertTrue(rotated.blindIndexes(NUMBER).contains(before.blindIndex(NUMBER)));
    }

    @Test
    void newWritesUnderVersionTwoCarryTheirVersion() {
        IdNumberProtector rotated = new IdNumberProtector(Map.of(1, V1, 2, V2), 2);
        String stored = rotated.encrypt(NUMBER);
        assertTrue(stored.startsWith("v2:"), stored);
        assertEquals(2, IdNumberProtector.versionOf(stored));
        assertEquals(NUMBER, rotated.decrypt(stored));
        String index = rotated.blindIndex(NUMBER);
        assertTrue(index.startsWith("v2:"), index);
        assertEquals(index, rotated.blindIndex(NUMBER), "the index is deterministic");
        assertEquals(List.of(index, new IdNumberProtector(Map.of(1, V1), 1).blindIndex(NUMBER)),
                rotated.blindIndexes(NUMBER), "current version first");
        assertNotEquals(rotated.encrypt(NUMBER), stored, "a random IV per value");
        // a protector that only holds version 2 (version 1 removed after the rotation) still reads it
        assertEquals(NUMBER, new IdNumberProtector(Map.of(2, V2), 2).decrypt(stored));
    }

    @Test
    void aValueUnderAVersionThatIsNotConfiguredFailsNamingTheVersion() {
        String stored = new IdNumberProtector(Map.of(3, key()), 3).encrypt(NUMBER);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new IdNumberProtector(Map.of(1, V1, 2, V2), 2).decrypt(stored));
        assertTrue(e.getMessage().contains("key version 3"), e.getMessage());
        assertFalse(e.getMessage().contains(NUMBER));
        String v1 = new IdNumberProtector(Map.of(1, V1), 1).encrypt(NUMBER);
        e = assertThrows(IllegalStateException.class, () -> new IdNumberProtector(Map.of(2, V2), 2).decrypt(v1));
        assertTrue(e.getMessage().contains("key version 1"), e.getMessage());
    }

    @Test
    void theWrongKeyForAVersionIsAnErrorNotAWrongNumber() {
        String stored = new IdNumberProtector(Map.of(2, V2), 2).encrypt(NUMBER);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new IdNumberProtector(Map.of(2, V1), 2).decrypt(stored));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void aCurrentVersionWithoutItsKeyOrAShortKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new IdNumberProtector(Map.of(1, V1), 2));
        assertTrue(e.getMessage().contains("id-number-key-version is 2"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new IdNumberProtector(Map.of(1, V1, 2, new byte[16]), 1));
        assertTrue(e.getMessage().contains("version 2 must be 32 bytes"), e.getMessage());
    }

    @Test
    void versionsAreReadFromThePrefixOnly() {
        // base64 may start with a 'v'; without "vN:" it is version 1
        assertEquals(1, IdNumberProtector.versionOf("vAbCdEf0123+/="));
        assertEquals(1, IdNumberProtector.versionOf("0123abcd"));
        assertEquals(12, IdNumberProtector.versionOf("v12:abc"));
    }

    @Test
    void theSingleKeyIsVersionOneAndTheListAddsVersions() {
        String one = Base64.getEncoder().encodeToString(V1);
        String two = Base64.getEncoder().encodeToString(V2);
        Map<Integer, byte[]> keys = IdNumberKeys.parse(one, List.of("2:" + two));
        assertEquals(List.of(1, 2), List.copyOf(keys.keySet()));
        assertTrue(java.util.Arrays.equals(V2, keys.get(2)));
        // version 1 may come from the list alone (the single key removed), or from both when they agree
        assertEquals(List.of(1), List.copyOf(IdNumberKeys.parse(null, List.of("1:" + one)).keySet()));
        assertEquals(List.of(1, 2), List.copyOf(IdNumberKeys.parse(one, List.of(" 1:" + one, "2:" + two)).keySet()));
        assertTrue(assertThrows(IllegalStateException.class, () -> IdNumberKeys.parse(one, List.of("1:" + two)))
                .getMessage().contains("version 1"));
        assertThrows(IllegalStateException.class, () -> IdNumberKeys.parse(one, List.of(two)));
        assertThrows(IllegalStateException.class, () -> IdNumberKeys.parse(one, List.of("0:" + two)));
        assertThrows(IllegalStateException.class, () -> IdNumberKeys.parse(one, List.of("2:not base64!")));
        assertTrue(assertThrows(IllegalStateException.class, () -> IdNumberKeys.parse(null, List.of()))
                .getMessage().contains("no ID-number key configured"));
    }
}
