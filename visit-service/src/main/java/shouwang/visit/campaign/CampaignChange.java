package shouwang.visit.campaign;

import java.time.Instant;

/** One audited change of a campaign: {@code END} or {@code SCOPE}, what changed, by whom, when. */
public record CampaignChange(String action, String detail, String actor, Instant at) {
}
