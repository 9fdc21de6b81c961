package shouwang.registry.keyrotation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import shouwang.kit.clock.Clock;
import shouwang.registry.RegistryConfig;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.keyrotation.KeyRotationDtos.RotationStatus;
import shouwang.registry.keyrotation.KeyRotationRepository.CadreCipher;
import shouwang.registry.keyrotation.KeyRotationRepository.EntryCipher;

/**
 * Re-encrypts every stored ID number (cadres and frozen roster entries) that is not under the current key version,
 * on a background thread, a batch per transaction ({@code shouwang.registry.id-number-key-rotation-batch} rows,
 * {@code FOR UPDATE SKIP LOCKED}, so replicas running it at once never take the same rows). A cadre's blind index is
 * recomputed under the current version in the same update. The job keeps no state of its own: the rows' version
 * prefixes are its progress, so after a crash or restart another start continues with the rows still on an old
 * version. New writes use the current version meanwhile, so it converges.
 * <p>
 * At startup, a row under a version that is not configured (an old key removed too early) stops the service with a
 * message naming the version and the count.
 */
@ApplicationScoped
public class KeyRotationService {

    private static final Logger LOG = Logger.getLogger(KeyRotationService.class);
    /** How often a batch may find only rows other transactions hold before the run gives up (about a minute). */
    private static final int LOCKED_RETRIES = 120;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    KeyRotationRepository repository;

    @Inject
    RegistryConfig config;

    @Inject
    Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "id-number-key-rotation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long reencrypted;
    private volatile String failure;

    void onStart(@Observes StartupEvent event) {
        Map<Integer, Long> counts = QuarkusTransaction.requiringNew().call(repository::countsByVersion);
        requireReadable(counts, idNumbers.versions());
        Map<String, Long> remaining = remaining(counts, idNumbers.currentVersion());
        if (!remaining.isEmpty()) {
            LOG.infof("ID numbers not yet under the current key version %d (rows by version): %s; "
                    + "POST /api/v1/admin/id-number-key/rotation re-encrypts them", idNumbers.currentVersion(), remaining);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /**
     * Every stored ID number must be readable: rows under a version whose key is not configured would fail every
     * read of them (and the rotation), so the service refuses to start instead.
     *
     * @param counts     rows by key version
     * @param configured the versions with a key
     */
    public static void requireReadable(Map<Integer, Long> counts, Set<Integer> configured) {
        Map<Integer, Long> unreadable = new TreeMap<>();
        counts.forEach((version, rows) -> {
            if (rows > 0 && !configured.contains(version)) {
                unreadable.put(version, rows);
            }
        });
        if (!unreadable.isEmpty()) {
            throw new IllegalStateException(unreadable.entrySet().stream()
                    .map(e -> e.getValue() + " stored ID numbers are under key version " + e.getKey())
                    .collect(Collectors.joining("; ")) + ", but no key of that version is configured (versions "
                    + "configured: " + configured + "). Put the key back into shouwang.registry.id-number-keys "
                    + "(or id-number-key for version 1) and finish the rotation before removing it "
                    + "(docs/operations.md, Rotating the ID-number key)");
        }
    }

    /** Starts a run unless one is at work here or nothing is left; whether it started one. */
    public boolean start(String actor) {
        RotationStatus now = status();
        if (!now.done() && running.compareAndSet(false, true)) {
            startedAt = clock.now();
            finishedAt = null;
            reencrypted = 0;
            failure = null;
            LOG.infof("ID-number key rotation to version %d started by %s: rows by version %s",
                    idNumbers.currentVersion(), actor, now.remaining());
            worker.submit(this::run);
            return true;
        }
        return false;
    }

    public RotationStatus status() {
        int current = idNumbers.currentVersion();
        Map<String, Long> remaining = remaining(QuarkusTransaction.requiringNew().call(repository::countsByVersion),
                current);
        return new RotationStatus(current, remaining, remaining.isEmpty(), running.get(), startedAt, finishedAt,
                reencrypted, failure);
    }

    private static Map<String, Long> remaining(Map<Integer, Long> counts, int current) {
        Map<String, Long> remaining = new TreeMap<>();
        counts.forEach((version, rows) -> {
            if (version != current && rows > 0) {
                remaining.put(String.valueOf(version), rows);
            }
        });
        return remaining;
    }

    private void run() {
        int current = idNumbers.currentVersion();
        int size = Math.max(1, config.idNumberKeyRotationBatch());
        int lockedRounds = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(current, size));
                Map<String, Long> remaining = remaining(
                        QuarkusTransaction.requiringNew().call(repository::countsByVersion), current);
                long left = remaining.values().stream().mapToLong(Long::longValue).sum();
                if (batch.rows() > 0) {
                    reencrypted += batch.rows();
                    lockedRounds = 0;
                    LOG.infof("ID-number key rotation: %d cadres and %d frozen roster entries re-encrypted from "
                            + "versions %s to version %d; %d rows remain", batch.cadres(), batch.entries(),
                            batch.fromVersions(), current, left);
                }
                if (left == 0) {
                    LOG.infof("ID-number key rotation to version %d done: %d rows re-encrypted", current, reencrypted);
                    return;
                }
                if (batch.rows() == 0) {
                    // what is left is locked by other transactions (an edit, an import, another replica's batch)
                    if (++lockedRounds > LOCKED_RETRIES) {
                        failure = left + " rows stayed locked by other transactions; start the rotation again";
                        LOG.warnf("ID-number key rotation to version %d stopped: %s", current, failure);
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(500);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted (the service stopped); start the rotation again";
        } catch (RuntimeException e) {
            // the protector's messages name versions, never numbers; other errors only by their type
            failure = e instanceof IllegalStateException ? e.getMessage() : e.getClass().getSimpleName();
            LOG.errorf("ID-number key rotation to version %d failed: %s", current, failure);
        } finally {
            finishedAt = clock.now();
            running.set(false);
        }
    }

    private record Batch(int cadres, int entries, Map<Integer, Integer> fromVersions) {
        int rows() {
            return cadres + entries;
        }
    }

    private Batch batch(int current, int size) {
        Map<Integer, Integer> from = new TreeMap<>();
        int cadres = 0;
        for (CadreCipher row : repository.lockCadres(current, size)) {
            String number = idNumbers.decrypt(row.cipher());
            repository.updateCadre(row.id(), idNumbers.encrypt(number), idNumbers.blindIndex(number));
            from.merge(IdNumberProtector.versionOf(row.cipher()), 1, Integer::sum);
            cadres++;
        }
        int entries = 0;
        if (cadres < size) {
            for (EntryCipher row : repository.lockEntries(current, size - cadres)) {
                repository.updateEntry(row.month(), row.cadreId(), idNumbers.encrypt(idNumbers.decrypt(row.cipher())));
                from.merge(IdNumberProtector.versionOf(row.cipher()), 1, Integer::sum);
                entries++;
            }
        }
        return new Batch(cadres, entries, from);
    }
}
