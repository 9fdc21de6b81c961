package shouwang.volunteer;

import org.junit.jupiter.api.Test;

import shouwang.kit.ratelimit.RateLimited.Bucket;
import shouwang.kit.testing.RateLimitedEndpoints;
import shouwang.volunteer.hours.StatisticsResource;

/** The whole-scope read of service statistics (docs/security.md, Rate limits). */
class RateLimitedEndpointsTest {

    @Test
    void serviceStatisticsAreRateLimited() {
        RateLimitedEndpoints.require(StatisticsResource.class, "get", Bucket.EXPENSIVE);
    }
}
