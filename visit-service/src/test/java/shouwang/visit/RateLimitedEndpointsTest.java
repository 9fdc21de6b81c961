package shouwang.visit;

import org.junit.jupiter.api.Test;

import shouwang.kit.ratelimit.RateLimited.Bucket;
import shouwang.kit.testing.RateLimitedEndpoints;
import shouwang.visit.campaign.CampaignResource;
import shouwang.visit.coverage.CoverageResource;

/** The whole-scope reads one token could flood the service with (docs/security.md, Rate limits). */
class RateLimitedEndpointsTest {

    @Test
    void coverageReadsAreRateLimited() {
        RateLimitedEndpoints.require(CoverageResource.class, "coverage", Bucket.EXPENSIVE);
        RateLimitedEndpoints.require(CampaignResource.class, "coverage", Bucket.EXPENSIVE);
        RateLimitedEndpoints.require(shouwang.visit.statistics.StatisticsResource.class, "visits", Bucket.EXPENSIVE);
    }
}
