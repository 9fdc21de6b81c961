package shouwang.visit.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Running greeting rounds pick up newly registered cadres every {@code shouwang.visit.campaigns.top-up-interval}. */
@ApplicationScoped
public class CampaignTopUp {

    @Inject
    CampaignService campaigns;

    @Scheduled(every = "${shouwang.visit.campaigns.top-up-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void topUp() {
        campaigns.topUp();
    }
}
