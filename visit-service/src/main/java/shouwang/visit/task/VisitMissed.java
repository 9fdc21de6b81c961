package shouwang.visit.task;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;

/**
 * {@code VisitMissed} (kind MUST_VISIT) on {@code visits}: a task passed its deadline without a visit. The routine
 * lapse of a cadence carries more fields and has its own record in {@code coverage}.
 */
public record VisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode,
        Integer level, Instant deadline, Instant detectedAt, long daysOverdue) {

    static VisitMissed of(MissedTask t) {
        return new VisitMissed("MUST_VISIT", t.taskId(), t.alertId(), t.cadreId(), t.layer(), t.orgCode(), t.level(),
                t.deadline(), t.missedAt(), Duration.between(t.deadline(), t.missedAt()).toDays());
    }
}
