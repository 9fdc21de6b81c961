package shouwang.visit.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Checks running emergency campaigns against their cut-off; a rescan announces nothing twice. */
@ApplicationScoped
public class EmergencyCutOffScanner {

    @Inject
    CampaignService campaigns;

    @Scheduled(every = "${shouwang.visit.campaigns.emergency-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scan() {
        campaigns.announceUnreached();
    }
}
