package shouwang.alert.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * visits / VisitMissed, the fields read here. A {@code MUST_VISIT} miss names its alert and level; a {@code ROUTINE}
 * lapse has neither, only the cadre, the layer and how late it is; an {@code EMERGENCY_CHECK} miss names the
 * emergency round ({@code campaignId}), the cadre and the district date ({@code on}) nobody reached the cadre.
 */
public record VisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, String layer, String orgCode,
        Integer level, Instant detectedAt, Integer daysOverdue, UUID campaignId, LocalDate on, String communityCode,
        String gridCode) {

    public static final String MUST_VISIT = "MUST_VISIT";
    public static final String ROUTINE = "ROUTINE";
    public static final String EMERGENCY_CHECK = "EMERGENCY_CHECK";
    public static final String STUDY_DELIVERY = "STUDY_DELIVERY";
}
