package shouwang.alert.cadre;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

import shouwang.kit.inbox.PoisonReasons;

/**
 * Accelerates work waiting for a cadre's profile during a bulk load (issue 17): when a signal waits for a profile,
 * the cadre's latest profile is read straight from cadre-profiles ({@link LatestProfileConsumer}) and applied through
 * {@link CadreProfileService#apply} like the consumer's, so the waiting signals are raised by the same
 * {@link ProfilesApplied} as on the consumer's path. Version order makes it safe: the consumer later skips the same
 * profile as not newer and still applies a newer one on top. The consumer stays the path that applies everything;
 * a lookup that finds nothing (or runs out of records or time) leaves the work to it.
 * <p>
 * Off the committing thread, two at a time; requests for a cadre while its lookup runs are coalesced into one more.
 */
@ApplicationScoped
public class ProfileLookup {

    static final String LOOKUPS = "shouwang.alert.profile-lookups";
    private static final Logger LOG = Logger.getLogger(ProfileLookup.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 1000;

    @Inject
    ProfileLookupConfig config;

    @Inject
    LatestProfileConsumer topic;

    @Inject
    CadreProfileService profiles;

    @Inject
    CadreRepository cadres;

    @Inject
    MeterRegistry meters;

    /** Cadres with a lookup under way; TRUE when another was asked for meanwhile. */
    private final Map<UUID, Boolean> running = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), task -> {
                Thread thread = new Thread(task, "profile-lookup-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    /** After the commit that stored the waiting work, so the profile's arrival finds it. */
    void onAwaited(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileAwaited awaited) {
        request(awaited.cadreId());
    }

    /**
     * Starts a lookup of the cadre's profile and returns at once. While one is under way for the cadre, the request
     * is coalesced into one more lookup after it (the profile may have been published after the running one began).
     */
    public void request(UUID cadreId) {
        if (!config.enabled()
                || !Boolean.FALSE.equals(running.merge(cadreId, Boolean.FALSE, (held, given) -> Boolean.TRUE))) {
            return;
        }
        try {
            executor.execute(() -> {
                boolean again = true;
                try {
                    while (again) {
                        lookUp(cadreId);
                        again = running.compute(cadreId,
                                (id, asked) -> Boolean.TRUE.equals(asked) ? Boolean.FALSE : null) != null;
                    }
                } finally {
                    if (again) {
                        running.remove(cadreId);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(cadreId);
            count("dropped");
            LOG.warnf("Profile lookup for cadre %s dropped: %d lookups queued; the consumer will apply the profile",
                    cadreId, executor.getQueue().size());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    private void lookUp(UUID cadreId) {
        long started = System.nanoTime();
        try {
            if (QuarkusTransaction.requiringNew().call(() -> cadres.find(cadreId) != null)) {
                count("held");
                LOG.infof("Profile lookup for cadre %s: held already, 0 records scanned in %d ms", cadreId,
                        millisSince(started));
                return;
            }
            LatestProfileConsumer.Scan scan = topic.latest(cadreId, config.maxRecords(), config.timeout());
            if (scan.profile() == null) {
                count("not-found");
                LOG.infof("Profile lookup for cadre %s: not found%s, %d records scanned in %d ms", cadreId,
                        scan.stop() == null ? "" : " (" + scan.stop() + ")", scan.scanned(), millisSince(started));
                return;
            }
            profiles.apply(scan.profile());
            count("found");
            LOG.infof("Profile lookup for cadre %s: found version %d, %d records scanned in %d ms", cadreId,
                    scan.profile().version(), scan.scanned(), millisSince(started));
        } catch (RuntimeException e) {
            count("failed");
            LOG.warnf("Profile lookup for cadre %s failed after %d ms, the consumer will apply the profile: %s",
                    cadreId, millisSince(started), PoisonReasons.of(e));
        }
    }

    private void count(String outcome) {
        meters.counter(LOOKUPS, "outcome", outcome).increment();
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
