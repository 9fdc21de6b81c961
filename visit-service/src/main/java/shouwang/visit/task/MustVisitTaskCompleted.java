package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;

/** {@code MustVisitTaskCompleted} on {@code visits}; {@code late}: the visit came after the task was already MISSED. */
public record MustVisitTaskCompleted(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
        int level, UUID visitId, Instant completedAt, boolean late) {

    static MustVisitTaskCompleted of(MustVisitTask t, boolean late) {
        return new MustVisitTaskCompleted(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.visitId,
                t.completedAt, late);
    }
}
