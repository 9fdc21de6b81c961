package shouwang.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import shouwang.kit.inbox.ConsumerProgress;

/**
 * Readiness details {@code read-models}: per consumer, the newest event applied and when. Always UP: a read model that
 * is behind still answers correctly for what it holds, and taking a replica out of service would not make it
 * catch up sooner; the figures are for operators and for {@code bench/} (catch-up time after an import).
 */
@Readiness
@ApplicationScoped
public class ReadModelFreshness implements HealthCheck {

    @Inject
    ConsumerProgress progress;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-models").up();
        progress.snapshot().forEach((consumer, s) -> response.withData(consumer,
                "newest event " + s.newestEvent() + ", applied " + s.lastApplied() + ", " + s.appliedSinceStart()
                        + " since start"));
        return response.build();
    }
}
