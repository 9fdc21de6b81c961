package shouwang.visit.task;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import shouwang.kit.health.Workers;
import shouwang.visit.VisitConfig;

/**
 * Finds open tasks past their deadline on a dedicated thread every {@code shouwang.visit.missed.poll-interval}
 * (200 ms by default; the Quarkus scheduler cannot go below a second), draining full batches back to back.
 * Each batch is one transaction through the partial index on open deadlines with SKIP LOCKED, so any number of
 * replicas may scan together.
 */
@ApplicationScoped
public class MissedTaskScanner {

    private static final Logger LOG = Logger.getLogger(MissedTaskScanner.class);

    @Inject
    TaskService tasks;

    @Inject
    VisitConfig config;

    @Inject
    Workers workers;

    private Workers.Worker pulse;

    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        if (!config.missed().enabled()) {
            LOG.info("Missed-visit scanner disabled by configuration");
            return;
        }
        running = true;
        // a cycle is one batch or a pause of a second at most: a minute of silence means the thread is gone
        pulse = workers.register("missed-visit-scanner", Duration.ofMinutes(1));
        worker = new Thread(() -> Workers.guard(pulse, this::loop), "missed-visit-scanner");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Missed-visit scanner started: every %s, batches of %d", config.missed().pollInterval(),
                config.missed().batchSize());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        workers.retire("missed-visit-scanner");
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            pulse.beat();
            try {
                int missed = tasks.markDueTasksMissed(config.missed().batchSize());
                if (failing) {
                    LOG.info("Missed-visit scanner recovered");
                    failing = false;
                }
                if (missed < config.missed().batchSize()) {
                    Thread.sleep(config.missed().pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("Missed-visit scan failed, retrying: %s", e.getMessage());
                    failing = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
