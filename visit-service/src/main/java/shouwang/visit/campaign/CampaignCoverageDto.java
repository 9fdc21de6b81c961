package shouwang.visit.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Progress of a campaign. Emergency mode: for day {@code on}, {@code total} active cadres in scope, {@code reached}
 * contacted that day, {@code pending} those not reached yet. Greeting rounds: {@code total} greeting tasks,
 * {@code reached} done, {@code pending} the open ones by due day. {@code byCommunity} gives both counts per community.
 */
public record CampaignCoverageDto(UUID campaignId, CampaignType type, LocalDate on, long total, long reached,
        List<Pending> pending, Map<String, Progress> byCommunity) {

    public record Pending(UUID cadreId, String name, String communityCode, String gridCode, String unitCode,
            String layer, String orgCode, LocalDate dueOn) {
    }

    public record Progress(long total, long reached) {
    }
}
