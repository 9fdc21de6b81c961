package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;

/** {@code MustVisitTaskCreated} on {@code visits}, shaped as docs/events.md agrees. */
public record MustVisitTaskCreated(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode, int level,
        Instant deadline, Instant createdAt) {

    static MustVisitTaskCreated of(MustVisitTask t) {
        return new MustVisitTaskCreated(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.deadline,
                t.createdAt);
    }
}
