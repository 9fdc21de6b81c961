package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import shouwang.alert.signal.SignalKind;

/** An alert as the API shows it; lists leave out {@code signals} and {@code history}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(UUID id, UUID cadreId, SignalKind kind, String kindLabel, AlertStatus status, int level,
        String levelLabel, Instant raisedAt, Instant deadline, String communityCode, String gridCode,
        String unitCode, List<String> layers, int policyVersion, String escalateEvery, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt, String resolvedBy, Resolution resolution, String reason,
        Instant updatedAt, List<UUID> signalIds, List<SignalView> signals, List<HistoryView> history) {

    public record SignalView(UUID signalId, SignalKind kind, Instant occurredAt, Instant receivedAt, String details,
            String reportedBy, String channel) {
    }

    public record HistoryView(Instant at, AlertHistory.Action action, int level, String actor, String note) {
    }
}
