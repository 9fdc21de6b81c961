package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** {@code MustVisitTaskCreated} on {@code visits}, shaped as docs/events.md agrees; {@code alertId} is null for
 * a task without an alert (its {@code purpose} and {@code reason} say why); {@code districtCode}: the district of the
 * task's community (null when unknown). */
public record MustVisitTaskCreated(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode, int level,
        Instant deadline, Instant createdAt, Purpose purpose, String reason, UUID studySessionId,
        String districtCode) {

    static MustVisitTaskCreated of(MustVisitTask t, String districtCode) {
        return new MustVisitTaskCreated(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.deadline,
                t.createdAt, t.purpose, t.reason, t.studySessionId, districtCode);
    }
}
