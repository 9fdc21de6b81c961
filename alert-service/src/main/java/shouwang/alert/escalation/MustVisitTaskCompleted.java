package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** visits / MustVisitTaskCompleted, the fields read here: which layer visited for which alert and level. */
public record MustVisitTaskCompleted(@NotNull(message = "is missing") UUID alertId,
        @NotNull(message = "is missing") Integer level, @NotNull(message = "is missing") String layer, UUID taskId,
        UUID visitId, Instant completedAt) {
}
