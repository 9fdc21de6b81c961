package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * visits / VisitMissed, the fields read here. A {@code MUST_VISIT} miss names its alert and level; a {@code ROUTINE}
 * lapse has neither, only the cadre, the layer and how late it is.
 */
public record VisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, String layer, String orgCode,
        Integer level, Instant detectedAt, Integer daysOverdue) {

    public static final String MUST_VISIT = "MUST_VISIT";
    public static final String ROUTINE = "ROUTINE";
}
