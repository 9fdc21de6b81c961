package shouwang.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests per minute and caller for each {@link RateLimited.Bucket}. */
@ConfigMapping(prefix = "shouwang.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("120")
    int expensive();

    /** A hotline or SMS gateway posts for a whole city under one token: generous, but bounded. */
    @WithDefault("6000")
    int intake();

    default int perMinute(RateLimited.Bucket bucket) {
        return switch (bucket) {
            case EXPENSIVE -> expensive();
            case INTAKE -> intake();
        };
    }
}
