package shouwang.registry.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.OutboxRelay;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.Caller;
import shouwang.registry.RegistryConfig;

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
    ImportRepository repository;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    /** Rows per outcome, counted per chunk (a running job shows on /q/metrics as it goes). */
    static final String ROWS = "shouwang.registry.import.rows";
    /** Rows per second of each finished job (the issue 14 throughput figure; count = finished jobs). */
    static final String THROUGHPUT = "shouwang.registry.import.throughput";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import");
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
    public UUID start(RowImport kind, UUID requestedId, Path file, String format, Caller caller) throws IOException {
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
            job.kind = kind.kind();
            job.createdBy = caller.username();
            job.createdAt = clock.now();
            job.persist();
            return true;
        });
        if (!created) {
            Files.deleteIfExists(file);
            return id;
        }
        LOG.infof("Import %s (%s) of a %s file (%d bytes) started by %s", id, kind.kind(), format, Files.size(file),
                caller.username());
        worker.submit(() -> run(kind, id, file, format, caller));
        return id;
    }

    /** @param everyone whether the caller sees every job (the city's or a one-district admin), not only its own */
    public ImportStatus status(UUID id, String caller, boolean everyone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(id);
            if (job == null || !everyone && !job.createdBy.equals(caller)) {
                throw new NotFoundException("Import", id);
            }
            List<RowError> errors = repository.errors(id);
            boolean truncated = errors.size() >= config.imports().maxErrors();
            return new ImportStatus(job.id, job.kind, job.status, job.format, job.total, job.processed, job.accepted,
                    job.rejected, errors, truncated, job.createdAt, job.finishedAt, job.failure);
        });
    }

    private void run(RowImport kind, UUID id, Path file, String format, Caller caller) {
        long started = System.nanoTime();
        Counts counts = new Counts(kind.kind().toLowerCase(Locale.ROOT));
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
            RowImport.Rows rows = kind.begin(lines.next(), id, caller, missing);
            if (rows == null) {
                finish(id, ImportJob.FAILED,
                        "required columns are missing: " + missing.stream().map(RowError::field).toList(), missing);
                return;
            }
            if (rows.order() != null) {
                List<Spreadsheet.Line> all = new ArrayList<>();
                lines.forEachRemaining(all::add);
                all.sort(rows.order());
                lines = all.iterator();
            }
            List<Spreadsheet.Line> chunk = new ArrayList<>();
            while (lines.hasNext()) {
                Spreadsheet.Line line = lines.next();
                boolean full = chunk.size() >= config.imports().chunkSize();
                if (full && !Objects.equals(rows.group(line), rows.group(chunk.get(chunk.size() - 1)))) {
                    applyChunk(id, rows, chunk, false, counts);
                    chunk.clear();
                }
                chunk.add(line);
            }
            if (!chunk.isEmpty()) {
                applyChunk(id, rows, chunk, true, counts);
            }
            if (counts.processed == 0) {
                finish(id, ImportJob.DONE, null, List.of());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            DistributionSummary.builder(THROUGHPUT).description("Rows per second of a finished import job")
                    .baseUnit("rows_per_second").tag("kind", counts.kind).register(meters)
                    .record(counts.processed / Math.max(seconds, 1e-3));
            LOG.infof("Import %s done: %d of %d rows, %d accepted, %d rejected in %.1f s (%.0f rows/s)", id,
                    counts.processed, total, counts.accepted, counts.rejected, seconds,
                    counts.processed / Math.max(seconds, 1e-3));
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed after %d rows", id, counts.processed);
            finish(id, ImportJob.FAILED, "the file could not be read: " + e.getMessage(), List.of());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Import %s: temporary file %s not deleted", id, file);
            }
        }
    }

    /** A job's running counts. */
    private static final class Counts {
        final String kind;
        int processed;
        int accepted;
        int rejected;
        int errorsKept;

        Counts(String kind) {
            this.kind = kind;
        }
    }

    /** Applies one chunk and commits the job's counts and kept errors (with {@code last}, the DONE status too). */
    private void applyChunk(UUID id, RowImport.Rows rows, List<Spreadsheet.Line> chunk, boolean last, Counts counts) {
        RowImport.Result result = rows.apply(chunk);
        counts.processed += chunk.size();
        counts.accepted += result.accepted();
        counts.rejected += result.rejected();
        meters.counter(ROWS, "outcome", "imported", "kind", counts.kind).increment(result.accepted());
        meters.counter(ROWS, "outcome", "rejected", "kind", counts.kind).increment(result.rejected());
        List<RowError> keep = result.errors().subList(0,
                Math.min(result.errors().size(), Math.max(0, config.imports().maxErrors() - counts.errorsKept)));
        progress(id, counts.processed, counts.accepted, counts.rejected, keep, counts.errorsKept, last);
        counts.errorsKept += keep.size();
        relay.wake();
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
