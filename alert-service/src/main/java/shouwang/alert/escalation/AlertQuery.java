package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;

import shouwang.alert.signal.SignalKind;

/** Filters of {@code GET /alerts}; null means "any". */
public record AlertQuery(UUID cadreId, AlertStatus status, Integer level, String communityCode, SignalKind kind,
        Instant updatedSince, Boolean overdue) {
}
