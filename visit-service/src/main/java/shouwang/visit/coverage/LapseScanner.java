package shouwang.visit.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import shouwang.visit.VisitConfig;

/** Every {@code shouwang.visit.lapse.interval}: each new cadence overrun raises VisitMissed (ROUTINE) once. */
@ApplicationScoped
public class LapseScanner {

    private static final Logger LOG = Logger.getLogger(LapseScanner.class);

    @Inject
    CoverageService coverage;

    @Inject
    VisitConfig config;

    @Scheduled(every = "${shouwang.visit.lapse.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        if (!config.lapse().enabled()) {
            return;
        }
        int raised = coverage.raiseLapses(coverage.today());
        if (raised > 0) {
            LOG.infof("Routine lapse scan raised %d VisitMissed", raised);
        }
    }
}
