package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.kit.security.Placement;
import shouwang.visit.Layer;

/** A task as the contract shows it, plus what a worklist needs (level, kind, visit, cancellation, updatedAt). */
public record TaskDto(UUID id, UUID cadreId, UUID alertId, String kind, int level, Layer layer, String orgCode,
        TaskStatus status, Instant deadline, Instant createdAt, Instant completedAt, UUID visitId, Instant missedAt,
        String cancelReason, String communityCode, String gridCode, String unitCode, Instant updatedAt) {

    static TaskDto of(MustVisitTask t) {
        Placement p = t.placement();
        return new TaskDto(t.id, t.cadreId, t.alertId, t.kind, t.level, t.layer, t.orgCode, t.status, t.deadline,
                t.createdAt, t.completedAt, t.visitId, t.missedAt, t.cancelReason, p.communityCode, p.gridCode,
                p.unitCode, t.updatedAt);
    }
}
