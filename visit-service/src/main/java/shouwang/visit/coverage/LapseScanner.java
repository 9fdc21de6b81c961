package shouwang.visit.coverage;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import shouwang.kit.clock.Clock;
import shouwang.kit.health.Workers;
import shouwang.visit.VisitConfig;

/**
 * Every {@code shouwang.visit.lapse.interval}: each new cadence overrun raises VisitMissed (ROUTINE) once. It beats
 * after every chunk, so a scan that dies (or an Error that ends it) takes health down instead of stopping quietly.
 */
@ApplicationScoped
public class LapseScanner {

    private static final Logger LOG = Logger.getLogger(LapseScanner.class);

    @Inject
    CoverageService coverage;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    @Inject
    Workers workers;

    private Workers.Worker pulse;

    void start(@Observes StartupEvent event) {
        if (config.lapse().enabled()) {
            // the first scan starts 10 s in; a chunk takes well under a minute even at a million cadres
            pulse = workers.register("lapse-scanner", config.lapse().interval().multipliedBy(5).plus(Duration.ofMinutes(5)));
        }
    }

    @Scheduled(every = "${shouwang.visit.lapse.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        if (pulse == null) {
            return;
        }
        Workers.guard(pulse, () -> {
            int raised = coverage.raiseLapses(clock.today(), pulse::beat);
            pulse.beat();
            if (raised > 0) {
                LOG.infof("Routine lapse scan raised %d VisitMissed", raised);
            }
        });
    }
}
