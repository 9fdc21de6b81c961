package shouwang.visit.task;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** alerts {@code AlertResolved}: the alert needs no more visits. */
public record AlertResolved(@NotNull UUID alertId) {
}
