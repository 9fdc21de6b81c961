package shouwang.alert.escalation;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The ladder on {@code /q/metrics} (issue 14): {@code shouwang.alert.alerts.open{level}}, the alerts not resolved at
 * each level, and {@code shouwang.alert.escalations{to_level}}, escalations counted once their transaction committed
 * (a rolled-back escalation did not happen). Every level's series exists from the start, so {@code increase()} sees
 * the first escalation to level 3.
 */
@ApplicationScoped
public class AlertMetrics {

    static final String OPEN = "shouwang.alert.alerts.open";
    static final String ESCALATIONS = "shouwang.alert.escalations";
    /** Scrapes of several Prometheus replicas within this share one count query. */
    private static final long FRESH_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Logger LOG = Logger.getLogger(AlertMetrics.class);

    @Inject
    MeterRegistry meters;

    @Inject
    AlertRepository repository;

    @Inject
    Event<Escalated> escalatedEvents;

    private volatile Map<Integer, Long> open = Map.of();
    private volatile long countedAt;
    private volatile boolean counted;

    void register(@Observes StartupEvent started) {
        for (int level = 0; level <= Ladder.TOP_LEVEL; level++) {
            int at = level;
            Gauge.builder(OPEN, this, metrics -> metrics.openAt(at))
                    .tag("level", String.valueOf(level))
                    .description("Alerts not resolved at this level of the ladder")
                    .register(meters);
            if (level > 0) {
                escalations(level);
            }
        }
    }

    /** An escalation to {@code toLevel}, told within its transaction. */
    record Escalated(int toLevel) {
    }

    /** Counts an escalation to {@code level} when the caller's transaction commits ({@link #count}). */
    void escalated(int level) {
        escalatedEvents.fire(new Escalated(level));
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Escalated escalated) {
        escalations(escalated.toLevel()).increment();
    }

    private Counter escalations(int level) {
        return Counter.builder(ESCALATIONS).tag("to_level", String.valueOf(level))
                .description("Alerts escalated to this level of the ladder").register(meters);
    }

    private double openAt(int level) {
        long now = System.nanoTime();
        if (!counted || now - countedAt > FRESH_NANOS) {
            try {
                open = QuarkusTransaction.requiringNew().call(repository::openByLevel);
                countedAt = now;
                counted = true;
            } catch (RuntimeException e) {
                // the database away: the scrape still answers, with the last counts (readiness reports the database)
                LOG.debugf(e, "Open alerts not counted for the metrics");
            }
        }
        return open.getOrDefault(level, 0L);
    }
}
