package shouwang.kit.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One token bucket per caller and bucket, refilled continuously: a caller may spend its minute's budget in a burst,
 * then one request per {@code 60 s / budget}. In memory per replica, which bounds a flood at each replica; a shared
 * limit would need a shared store, and the ingress can add one.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    RateLimitConfig config;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Seconds until the caller may try again, or 0 when this request is within its budget. */
    public long take(String caller, RateLimited.Bucket bucket) {
        if (!config.enabled()) {
            return 0;
        }
        int perMinute = config.perMinute(bucket);
        return buckets.computeIfAbsent(bucket + "/" + caller, key -> new TokenBucket(perMinute))
                .take(System.nanoTime());
    }

    static final class TokenBucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        TokenBucket(int perMinute) {
            this.capacity = Math.max(1, perMinute);
            this.perNano = capacity / 60e9;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e9);
        }
    }
}
