package shouwang.registry.keyrotation;

import java.time.Instant;
import java.util.Map;

public final class KeyRotationDtos {

    private KeyRotationDtos() {
    }

    /**
     * Where the re-encryption stands. {@code remaining}: rows (cadres and frozen roster entries) per key version
     * still to re-encrypt, only versions with rows; {@code done}: none left; {@code running}: this instance's job is
     * at work; {@code failure}: why its last run stopped early (null when it did not).
     */
    public record RotationStatus(int currentVersion, Map<String, Long> remaining, boolean done, boolean running,
            Instant startedAt, Instant finishedAt, long reencrypted, String failure) {
    }
}
