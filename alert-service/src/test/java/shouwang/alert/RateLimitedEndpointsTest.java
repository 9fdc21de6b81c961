package shouwang.alert;

import org.junit.jupiter.api.Test;

import shouwang.alert.signal.SignalResource;
import shouwang.kit.ratelimit.RateLimited.Bucket;
import shouwang.kit.testing.RateLimitedEndpoints;

/** The partner-facing intake (docs/security.md, Rate limits). */
class RateLimitedEndpointsTest {

    @Test
    void signalIntakeIsRateLimited() {
        RateLimitedEndpoints.require(SignalResource.class, "report", Bucket.INTAKE);
    }
}
