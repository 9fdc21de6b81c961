package shouwang.visit.policy;

import java.time.Instant;

/**
 * A visit policy version, parsed; {@code districtCode} is the district it belongs to, null for the city default.
 * Version 0 is the configuration the service ships ({@code changedBy} "config", no {@code effectiveFrom}).
 */
public record Policy(int version, Instant effectiveFrom, String changedBy, String districtCode, Cadences cadences,
        CampaignDefaults campaigns) {
}
