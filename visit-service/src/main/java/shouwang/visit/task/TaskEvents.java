package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;

/** Data of the task events on {@code visits}, shaped as docs/events.md agrees. */
public final class TaskEvents {

    private TaskEvents() {
    }

    public record MustVisitTaskCreated(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode, int level,
            Instant deadline, Instant createdAt) {
        static MustVisitTaskCreated of(MustVisitTask t) {
            return new MustVisitTaskCreated(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.deadline,
                    t.createdAt);
        }
    }

    /** {@code late}: the visit came after the task was already MISSED (added field). */
    public record MustVisitTaskCompleted(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
            int level, UUID visitId, Instant completedAt, boolean late) {
    }

    /** {@code kind} MUST_VISIT or ROUTINE; task, alert and level are null for a routine lapse. */
    public record VisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
            Integer level, Instant deadline, Instant detectedAt, long daysOverdue) {
    }
}
