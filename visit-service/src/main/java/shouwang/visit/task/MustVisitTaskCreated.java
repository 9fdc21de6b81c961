package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** {@code MustVisitTaskCreated} on {@code visits}, shaped as docs/events.md agrees; {@code alertId} is null for
 * a task without an alert (its {@code purpose} and {@code reason} say why). */
public record MustVisitTaskCreated(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode, int level,
        Instant deadline, Instant createdAt, Purpose purpose, String reason, UUID studySessionId) {

    static MustVisitTaskCreated of(MustVisitTask t) {
        return new MustVisitTaskCreated(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.deadline,
                t.createdAt, t.purpose, t.reason, t.studySessionId);
    }
}
