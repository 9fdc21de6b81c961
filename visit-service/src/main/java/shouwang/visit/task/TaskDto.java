package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.kit.security.Placement;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/**
 * A task as the contract shows it, plus what a worklist needs (level, kind, visit, cancellation, updatedAt, the org's
 * name, who must act for it and the purpose; a task without an
 * alert has alertId null, a {@code reason} and, for 送学上门, its {@code studySessionId}).
 */
public record TaskDto(UUID id, UUID cadreId, UUID alertId, String kind, int level, Layer layer, String orgCode,
        String orgName, Assignee assignee, Purpose purpose, TaskStatus status, Instant deadline, Instant createdAt,
        Instant completedAt, UUID visitId, Instant missedAt, String cancelReason, String communityCode,
        String gridCode, String unitCode, Instant updatedAt, String reason, UUID studySessionId, UUID activityId) {

    /** The first person the alert named for the task's layer. */
    public record Assignee(String role, String name, String phone) {
    }

    static TaskDto of(MustVisitTask t) {
        Placement p = t.placement();
        Assignee assignee = t.assigneeName == null && t.assigneePhone == null && t.assigneeRole == null ? null
                : new Assignee(t.assigneeRole, t.assigneeName, t.assigneePhone);
        return new TaskDto(t.id, t.cadreId, t.alertId, t.kind, t.level, t.layer, t.orgCode, t.orgName, assignee,
                t.purpose, t.status, t.deadline, t.createdAt, t.completedAt, t.visitId, t.missedAt, t.cancelReason,
                p.communityCode, p.gridCode, p.unitCode, t.updatedAt, t.reason, t.studySessionId, t.activityId);
    }
}
