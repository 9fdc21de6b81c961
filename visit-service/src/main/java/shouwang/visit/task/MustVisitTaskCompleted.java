package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** {@code MustVisitTaskCompleted} on {@code visits}; {@code late}: the visit came after the task was already MISSED;
 * {@code districtCode}: the district of the task's community (null when unknown). */
public record MustVisitTaskCompleted(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
        int level, UUID visitId, Instant completedAt, boolean late, Purpose purpose,
        String reason, String districtCode) {

    static MustVisitTaskCompleted of(MustVisitTask t, boolean late, String districtCode) {
        return new MustVisitTaskCompleted(t.id, t.alertId, t.cadreId, t.layer, t.orgCode, t.level, t.visitId,
                t.completedAt, late, t.purpose, t.reason, districtCode);
    }
}
