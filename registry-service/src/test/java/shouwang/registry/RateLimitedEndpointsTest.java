package shouwang.registry;

import org.junit.jupiter.api.Test;

import shouwang.kit.ratelimit.RateLimited.Bucket;
import shouwang.kit.testing.RateLimitedEndpoints;
import shouwang.registry.imports.ImportResource;
import shouwang.registry.roster.HighAgeRosterResource;
import shouwang.registry.statistics.StatisticsResource;

/** Whole-district reads and imports one token could flood the service with (docs/security.md, Rate limits). */
class RateLimitedEndpointsTest {

    @Test
    void statisticsRosterAndImportsAreRateLimited() {
        RateLimitedEndpoints.require(StatisticsResource.class, "cadres", Bucket.EXPENSIVE);
        RateLimitedEndpoints.require(HighAgeRosterResource.class, "roster", Bucket.EXPENSIVE);
        RateLimitedEndpoints.require(ImportResource.class, "upload", Bucket.EXPENSIVE);
        RateLimitedEndpoints.require(ImportResource.class, "uploadForm", Bucket.EXPENSIVE);
    }
}
