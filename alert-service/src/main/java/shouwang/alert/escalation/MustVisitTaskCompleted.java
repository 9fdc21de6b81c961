package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;


/** visits / MustVisitTaskCompleted, the fields read here: which layer visited for which alert and level (no alert: not ours). */
public record MustVisitTaskCompleted(UUID alertId, Integer level, String layer, UUID taskId, UUID visitId,
        Instant completedAt) {
}
