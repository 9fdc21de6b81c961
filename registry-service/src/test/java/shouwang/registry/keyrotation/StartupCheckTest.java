package shouwang.registry.keyrotation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A row still under a version whose key was removed stops the start, naming the version and how many rows. */
class StartupCheckTest {

    @Test
    void rowsUnderARemovedVersionStopTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyRotationService.requireReadable(Map.of(1, 123L, 2, 5000L), Set.of(2)));
        assertTrue(e.getMessage().contains("123 stored ID numbers are under key version 1"), e.getMessage());
        assertTrue(e.getMessage().contains("no key of that version is configured"), e.getMessage());
    }

    @Test
    void aRemovedVersionWithNoRowsLeftIsFine() {
        assertDoesNotThrow(() -> KeyRotationService.requireReadable(Map.of(2, 5000L), Set.of(2)));
        assertDoesNotThrow(() -> KeyRotationService.requireReadable(Map.of(), Set.of(1)));
        assertDoesNotThrow(() -> KeyRotationService.requireReadable(Map.of(1, 10L, 2, 3L), Set.of(1, 2)));
    }
}
