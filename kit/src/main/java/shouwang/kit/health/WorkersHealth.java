package shouwang.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Liveness and readiness: DOWN while any background worker is dead or silent too long (see {@link Workers}). */
@Liveness
@Readiness
@ApplicationScoped
public class WorkersHealth implements HealthCheck {

    @Inject
    Workers workers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background-workers").up();
        workers.all().values().forEach(worker -> {
            String problem = worker.problem();
            response.withData(worker.name(), problem == null ? "running" : problem);
            if (problem != null) {
                response.down();
            }
        });
        return response.build();
    }
}
