package shouwang.visit.logbook;

import java.time.Instant;
import java.util.UUID;

import shouwang.kit.security.Placement;
import shouwang.visit.Channel;
import shouwang.visit.Layer;

/** {@code VisitLogged} data, as docs/events.md agrees; {@code healthStatus}, {@code notContactedReason},
 * {@code purpose} and {@code householdOf} (a household member's record: the named cadre's visit) and {@code districtCode} (the district of the
 * community, null when unknown) added. */
public record VisitLogged(UUID visitId, UUID cadreId, Instant visitedAt, Channel channel, Layer layer,
        String visitorName, UUID taskId, String communityCode, String gridCode, String unitCode, boolean contacted,
        NotContactedReason notContactedReason, HealthStatus healthStatus, shouwang.visit.Purpose purpose,
        UUID householdOf, String districtCode) {

    static VisitLogged of(Visit v, String districtCode) {
        Placement p = v.placement();
        return new VisitLogged(v.id, v.cadreId, v.visitedAt, v.channel, v.layer, v.visitorName, v.taskId,
                p.communityCode, p.gridCode, p.unitCode, v.contacted, v.notContactedReason, v.healthStatus,
                v.purpose, v.householdOf, districtCode);
    }
}
