package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import shouwang.kit.security.Placement;

/** One greeting visit to make: for a cadre, by a layer's org, open from {@code openFrom}, due on {@code dueOn}. */
public record CampaignTaskDto(UUID id, UUID campaignId, UUID cadreId, String layer, String orgCode,
        String communityCode, String gridCode, String unitCode, LocalDate openFrom, LocalDate dueOn, String status,
        shouwang.visit.Purpose purpose, UUID visitId, Instant completedAt, Instant updatedAt) {

    static CampaignTaskDto of(CampaignTask t) {
        Placement p = t.placement();
        return new CampaignTaskDto(t.id, t.campaignId, t.cadreId, t.layer, t.orgCode, p.communityCode, p.gridCode,
                p.unitCode, t.openFrom, t.dueOn, t.status, t.purpose, t.visitId, t.completedAt, t.updatedAt);
    }
}
