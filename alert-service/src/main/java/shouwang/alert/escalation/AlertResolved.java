package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;

import shouwang.alert.signal.SignalKind;

/** alerts / AlertResolved: visit-service cancels the alert's tasks still open. */
public record AlertResolved(UUID alertId, UUID cadreId, SignalKind kind, int level, Instant resolvedAt,
        Resolution resolution, String reason, String resolvedBy, String districtCode) {
}
