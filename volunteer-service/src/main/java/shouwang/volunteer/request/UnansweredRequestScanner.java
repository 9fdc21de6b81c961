package shouwang.volunteer.request;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import shouwang.kit.health.Workers;

/**
 * Every {@code shouwang.volunteer.service-requests.scan-every}: escalates the requests left unanswered, a batch per
 * transaction until a batch is not full (at most 20 a run). It beats after every batch, so a scan that dies takes
 * health down instead of stopping quietly.
 */
@ApplicationScoped
public class UnansweredRequestScanner {

    private static final int MAX_BATCHES = 20;

    @Inject
    RequestEscalation escalation;

    @Inject
    RequestConfig config;

    @Inject
    Workers workers;

    private Workers.Worker pulse;

    void start(@Observes StartupEvent event) {
        pulse = workers.register("service-request-scanner",
                config.scanEvery().multipliedBy(5).plus(Duration.ofMinutes(5)));
    }

    @Scheduled(every = "${shouwang.volunteer.service-requests.scan-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        if (pulse == null) {
            return;
        }
        Workers.guard(pulse, () -> {
            int batches = 0;
            int escalated;
            do {
                escalated = escalation.escalateDue(config.batchSize());
                pulse.beat();
            } while (escalated >= config.batchSize() && ++batches < MAX_BATCHES);
        });
    }
}
