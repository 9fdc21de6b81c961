package shouwang.kit.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one caller may use an endpoint: past its budget the caller gets 429 with {@code Retry-After},
 * so one token cannot flood a service. The budget per minute comes from {@code shouwang.rate-limit.<bucket>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RateLimited {

    Bucket value();

    enum Bucket {
        /** Reads that scan a whole scope (coverage, statistics, rosters, exports) and imports. */
        EXPENSIVE,
        /** Partner-facing intake (care signals, hotline requests). */
        INTAKE
    }
}
