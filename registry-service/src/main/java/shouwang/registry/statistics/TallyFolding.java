package shouwang.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import shouwang.kit.health.Workers;
import shouwang.registry.RegistryConfig;

/**
 * Every {@code shouwang.registry.statistics.fold-every}: the tally changes the cadre writes appended are folded into
 * the tallies (V8), one replica at a time. A fold that stops shows in health: the reads stay exact, only slower.
 */
@ApplicationScoped
public class TallyFolding {

    private static final Logger LOG = Logger.getLogger(TallyFolding.class);

    @Inject
    StatisticsRepository repository;

    @Inject
    RegistryConfig config;

    @Inject
    Workers workers;

    private Workers.Worker pulse;

    void start(@Observes StartupEvent event) {
        pulse = workers.register("statistics-tally-fold", config.statistics().foldEvery().multipliedBy(10)
                .plusMinutes(1));
    }

    @Scheduled(every = "${shouwang.registry.statistics.fold-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void fold() {
        if (pulse == null) {
            return;
        }
        Workers.guard(pulse, () -> {
            long folded = repository.fold();
            pulse.beat();
            if (folded > 0) {
                LOG.debugf("Folded %d statistics tally changes", folded);
            }
        });
    }
}
