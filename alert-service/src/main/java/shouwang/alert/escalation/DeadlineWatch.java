package shouwang.alert.escalation;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import shouwang.kit.clock.Clock;

/**
 * Safety net for the ladder: escalation normally follows visit-service's {@code VisitMissed}, but when visit-service
 * is down, lagging, or its event sits in a DLQ, an overdue must-visit alert would stay where it is. Every
 * {@code every}, this escalates the alerts (OPEN or ACKNOWLEDGED, below level 3) whose current deadline passed more
 * than {@code grace} ago — exactly as a VisitMissed of that level would. Safe on several replicas and against a
 * late VisitMissed: see {@link AlertService#escalateOverdue}.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);

    @Inject
    AlertService alerts;

    @Inject
    LadderConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "alert-deadline-watch", every = "${shouwang.alert.ladder.deadline-watch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void look() {
        if (config.deadlineWatch().enabled()) {
            sweep(clock.now().minus(config.deadlineWatch().grace()));
        }
    }

    /** Escalates the alerts overdue before {@code cutoff}; returns how many this call escalated. */
    public int sweep(Instant cutoff) {
        int escalated = 0;
        for (UUID id : alerts.overdue(cutoff, config.deadlineWatch().batch())) {
            try {
                if (alerts.escalateOverdue(id, cutoff)) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Deadline watch could not escalate alert %s; next look retries", id);
            }
        }
        if (escalated > 0) {
            LOG.infof("Deadline watch escalated %d overdue alert(s) (deadline before %s)", escalated, cutoff);
        }
        return escalated;
    }
}
