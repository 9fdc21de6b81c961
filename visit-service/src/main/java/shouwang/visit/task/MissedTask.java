package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** A task the scanner just marked MISSED, as the update returned it. */
public record MissedTask(UUID taskId, UUID alertId, UUID cadreId, Layer layer, String orgCode, int level,
        Instant deadline, Instant missedAt, Purpose purpose, String reason, String communityCode) {
}
