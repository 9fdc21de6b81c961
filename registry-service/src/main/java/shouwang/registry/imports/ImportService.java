package shouwang.registry.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.OutboxRelay;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.Caller;
import shouwang.registry.RegistryConfig;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;

/**
 * Runs imports one at a time on a background thread, chunk by chunk, committing progress after each chunk so
 * {@code GET /imports/{id}} shows it. A job interrupted by a restart is marked FAILED on the next start.
 * <p>
 * A reader sees a job either RUNNING with {@code processed < total}, or finished: the last chunk's counts and the
 * DONE status are committed in one transaction.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    RegistryConfig config;

    @Inject
    ImportChunks chunks;

    @Inject
    ImportRepository repository;

    @Inject
    OrgService org;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cadre-import");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                "status = ?1, failure = ?2, finishedAt = ?3 where status = ?4", ImportJob.FAILED,
                "interrupted by a restart of the service", clock.now(), ImportJob.RUNNING));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /**
     * Takes ownership of {@code file}; repeating a {@code requestedId} returns that job without a second run. A file
     * whose shape would exhaust the import (see {@link UploadCheck}) is refused before any job exists.
     *
     * @param caller who imports: the job is theirs, and every row must be inside their scope
     */
    public UUID start(UUID requestedId, Path file, String format, Caller caller) throws IOException {
        try {
            UploadCheck.check(file, format, config.imports().maxColumns(),
                    config.imports().maxUnzippedSize().asLongValue());
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        UUID id = requestedId != null ? requestedId : UUID.randomUUID();
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (ImportJob.findById(id) != null) {
                return false;
            }
            ImportJob job = new ImportJob();
            job.id = id;
            job.status = ImportJob.RUNNING;
            job.format = format;
            job.createdBy = caller.username();
            job.createdAt = clock.now();
            job.persist();
            return true;
        });
        if (!created) {
            Files.deleteIfExists(file);
            return id;
        }
        LOG.infof("Import %s of a %s file (%d bytes) started by %s", id, format, Files.size(file), caller.username());
        worker.submit(() -> run(id, file, format, caller));
        return id;
    }

    /** @param everyone whether the caller sees every job (district-admin), not only its own */
    public ImportStatus status(UUID id, String caller, boolean everyone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(id);
            if (job == null || !everyone && !job.createdBy.equals(caller)) {
                throw new NotFoundException("Import", id);
            }
            List<RowError> errors = repository.errors(id);
            boolean truncated = errors.size() >= config.imports().maxErrors();
            return new ImportStatus(job.id, job.status, job.format, job.total, job.processed, job.accepted,
                    job.rejected, errors, truncated, job.createdAt, job.finishedAt, job.failure);
        });
    }

    private void run(UUID id, Path file, String format, Caller caller) {
        long started = System.nanoTime();
        int processed = 0;
        int accepted = 0;
        int rejected = 0;
        int errorsKept = 0;
        try (Spreadsheet sheet = Spreadsheet.open(file, format)) {
            int total = sheet.dataRows();
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update("total = ?1 where id = ?2", total, id));
            LOG.infof("Import %s: %d data rows (counted in %d ms)", id, total, (System.nanoTime() - started) / 1_000_000);
            Iterator<Spreadsheet.Line> lines = sheet.nonBlank();
            if (!lines.hasNext()) {
                finish(id, ImportJob.FAILED, "the file has no header row", List.of());
                return;
            }
            List<RowError> missing = new ArrayList<>();
            Columns columns = Columns.of(lines.next(), missing);
            if (columns == null) {
                finish(id, ImportJob.FAILED,
                        "required columns are missing: " + missing.stream().map(RowError::field).toList(), missing);
                return;
            }
            OrgDirectory directory = QuarkusTransaction.requiringNew().call(() -> org.directory());
            ImportChunks.Context context = new ImportChunks.Context(id, columns, directory, caller,
                    chunks.knownIndexes());
            List<Spreadsheet.Line> chunk = new ArrayList<>();
            while (lines.hasNext()) {
                chunk.add(lines.next());
                boolean last = !lines.hasNext();
                if (chunk.size() < config.imports().chunkSize() && !last) {
                    continue;
                }
                ImportChunks.Result result = chunks.apply(chunk, context);
                processed += chunk.size();
                accepted += result.accepted();
                rejected += result.rejected();
                List<RowError> keep = result.errors().subList(0,
                        Math.min(result.errors().size(), Math.max(0, config.imports().maxErrors() - errorsKept)));
                progress(id, processed, accepted, rejected, keep, errorsKept, last);
                errorsKept += keep.size();
                chunk.clear();
                relay.wake();
            }
            if (processed == 0) {
                finish(id, ImportJob.DONE, null, List.of());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.infof("Import %s done: %d of %d rows, %d accepted, %d rejected in %.1f s (%.0f rows/s)", id, processed,
                    total, accepted, rejected, seconds, processed / Math.max(seconds, 1e-3));
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed after %d rows", id, processed);
            finish(id, ImportJob.FAILED, "the file could not be read: " + e.getMessage(), List.of());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Import %s: temporary file %s not deleted", id, file);
            }
        }
    }

    /** A chunk's counts and kept errors; with {@code last}, the job is DONE in the same transaction. */
    private void progress(UUID id, int processed, int accepted, int rejected, List<RowError> errors, int seqStart,
            boolean last) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            job.processed = processed;
            job.accepted = accepted;
            job.rejected = rejected;
            if (last) {
                job.status = ImportJob.DONE;
                job.failure = null;
                job.finishedAt = clock.now();
            }
            repository.insertErrors(id, errors, seqStart);
        });
    }

    private void finish(UUID id, String status, String failure, List<RowError> errors) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            job.status = status;
            job.failure = failure;
            job.finishedAt = clock.now();
            repository.insertErrors(id, errors, 0);
        });
        if (ImportJob.FAILED.equals(status)) {
            LOG.warnf("Import %s failed: %s", id, failure);
        }
    }
}
