package shouwang.visit.task;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/**
 * {@code VisitMissed} on {@code visits}: a task passed its deadline without a visit. Kind MUST_VISIT for an alert's
 * task; for a task without an alert the kind is its purpose ({@code STUDY_DELIVERY}, or {@code ROUTINE} with its
 * {@code reason}, e.g. ACTIVITY_ABSENCE), with {@code alertId} null. The routine lapse of a cadence carries more
 * fields and has its own record in {@code coverage}. {@code districtCode}: the district of the task's community (null
 * when unknown).
 */
public record VisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
        Integer level, Instant deadline, Instant detectedAt, long daysOverdue, Purpose purpose, String reason,
        String districtCode) {

    static VisitMissed of(MissedTask t, String districtCode) {
        String kind = t.alertId() != null ? "MUST_VISIT" : t.purpose().name();
        return new VisitMissed(kind, t.taskId(), t.alertId(), t.cadreId(), t.layer(), t.orgCode(), t.level(),
                t.deadline(), t.missedAt(), Duration.between(t.deadline(), t.missedAt()).toDays(), t.purpose(),
                t.reason(), districtCode);
    }
}
