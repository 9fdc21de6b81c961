package shouwang.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Method;
import java.util.Arrays;

import shouwang.kit.ratelimit.RateLimited;

/**
 * Holds a service to the endpoints docs/security.md lists as rate-limited: the kit's own test proves the 429, this
 * proves each listed endpoint carries the limit (removing it fails the service's test).
 */
public final class RateLimitedEndpoints {

    private RateLimitedEndpoints() {
    }

    public static void require(Class<?> resource, String method, RateLimited.Bucket bucket) {
        Method found = Arrays.stream(resource.getDeclaredMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow(() -> new AssertionError(resource.getSimpleName() + "." + method + " is gone"));
        RateLimited limit = found.getAnnotation(RateLimited.class);
        assertNotNull(limit, resource.getSimpleName() + "." + method + " is rate-limited");
        assertEquals(bucket, limit.value(), resource.getSimpleName() + "." + method + " bucket");
    }
}
