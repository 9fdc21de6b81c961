package shouwang.registry.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.problem.Failures;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.CadreMapper;
import shouwang.registry.cadre.CadreRegistered;
import shouwang.registry.cadre.CadreRepository;
import shouwang.registry.cadre.CadreRules;
import shouwang.registry.cadre.CadreService;
import shouwang.registry.cadre.CadreUpdated;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.cadre.IdNumbers;
import shouwang.registry.cadre.ProfileEvents;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.history.FieldChange;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;

/**
 * Applies one chunk of rows in one transaction: new cadres, their history lines and their cadre-profiles events by a
 * PostgreSQL COPY each ({@code CadreRepository.insertAll}, {@code Outbox.publishAll}), revised cadres through
 * Hibernate; per-row {@code publish} would flush the session on every call, which makes a 100,000-row import
 * quadratic.
 * A chunk the database refuses is retried row by row, so one bad row never costs the others. The cadre import.
 */
@ApplicationScoped
public class ImportChunks implements RowImport {

    @Inject
    OrgService org;

    @Inject
    EntityManager entityManager;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    CadreRepository cadres;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * @param caller who imports: the actor of the history lines, and the scope every row must be inside
     * @param known  blind indexes of every registered cadre, loaded at the job's start and grown as rows are created
     */
    public record Context(UUID jobId, Columns columns, OrgDirectory org, Caller caller, Set<String> known) {
        String source() {
            return "import:" + jobId;
        }
    }

    @Override
    public String kind() {
        return "CADRES";
    }

    @Override
    public Rows begin(Spreadsheet.Line header, UUID jobId, Caller caller, List<RowError> missing) {
        Columns columns = Columns.of(header, missing);
        if (columns == null) {
            return null;
        }
        OrgDirectory directory = QuarkusTransaction.requiringNew().call(() -> org.directory());
        Context context = new Context(jobId, columns, directory, caller, knownIndexes());
        return chunk -> apply(chunk, context);
    }

    public Result apply(List<Spreadsheet.Line> lines, Context context) {
        return RowImport.inOneTransaction(lines, chunk -> write(chunk, context));
    }

    /** The blind index of every registered cadre, so new rows need no lookup at all. */
    public Set<String> knownIndexes() {
        return QuarkusTransaction.requiringNew().call(() -> cadres.allIdNumberIndexes());
    }

    private Result write(List<Spreadsheet.Line> lines, Context context) {
        // every configured key version's index of each number (current first): a cadre not yet re-encrypted by the
        // key rotation is still found by the index of its old version
        // by identity: a record's hash would hash every cell of the line
        Map<Spreadsheet.Line, List<String>> indexes = new IdentityHashMap<>();
        for (Spreadsheet.Line line : lines) {
            String number = IdNumbers.normalize(context.columns().idNumber(line.cells()));
            if (number != null && IdNumbers.problem(number) == null) {
                indexes.put(line, idNumbers.blindIndexes(number));
            }
        }
        Map<String, Cadre> byIndex = new HashMap<>();
        // all of a known number's indexes: the rotation may have moved its row to the current one since the job began
        Set<String> registered = indexes.values().stream().filter(all -> all.stream().anyMatch(context.known()::contains))
                .flatMap(List::stream).collect(Collectors.toSet());
        if (!registered.isEmpty()) {
            cadres.byIdNumberIndexes(registered).forEach(cadre -> byIndex.put(cadre.idNumberIndex, cadre));
        }
        List<RowError> errors = new ArrayList<>();
        List<Cadre> created = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        Instant now = clock.now();
        LocalDate today = clock.dateOf(now);
        Scope scope = context.caller().scope();
        for (Spreadsheet.Line line : lines) {
            List<String> candidates = indexes.get(line);
            String index = candidates == null ? null : candidates.get(0);
            Cadre existing = candidates == null ? null
                    : candidates.stream().map(byIndex::get).filter(Objects::nonNull).findFirst().orElse(null);
            List<RowError> problems = new ArrayList<>();
            CadreInput input = context.columns().input(line, existing, problems);
            CadreInput valid = validate(line, input, context.org(), today, problems);
            if (problems.isEmpty() && (!scope.covers(valid.placement())
                    || existing != null && !scope.covers(existing.placement))) {
                problems.add(new RowError(line.number(), "communityCode", "outside your scope"));
            }
            if (!problems.isEmpty()) {
                rejected++;
                errors.addAll(problems);
                continue;
            }
            accepted++;
            if (existing == null) {
                Cadre cadre = CadreService.newCadre(UUID.randomUUID(), valid, index, idNumbers, now);
                byIndex.put(index, cadre);
                created.add(cadre);
                changes.add(new AuditTrail.Change(cadre.id, cadre.version, AuditTrail.CREATED,
                        CadreMapper.created(cadre)));
                events.add(ProfileEvents.event(cadre, CadreRegistered::new, context.org(), today));
            } else {
                Map<String, Object> before = CadreMapper.auditFields(existing);
                CadreService.revise(existing, valid, index, idNumbers);
                Map<String, FieldChange> diff = CadreMapper.diff(before, CadreMapper.auditFields(existing));
                if (!diff.isEmpty()) {
                    existing.version++;
                    existing.updatedAt = now;
                    changes.add(new AuditTrail.Change(existing.id, existing.version, AuditTrail.UPDATED, diff));
                    events.add(ProfileEvents.event(existing, CadreUpdated::new, context.org(), today));
                }
            }
        }
        // the revised cadres first (Hibernate's batched updates, taking their row locks), then the new ones, their
        // history lines and their events, a COPY each. A new cadre stays unmanaged: a number twice in one file revises
        // the same object, and the COPY writes its final state.
        entityManager.flush();
        cadres.insertAll(created);
        audit.changedAll(changes, context.caller().username(), context.source(), now);
        outbox.publishAll(events);
        // only after the statements went through: a chunk retried row by row must not believe these exist
        created.forEach(cadre -> context.known().add(cadre.idNumberIndex));
        return new Result(accepted, rejected, errors);
    }

    /** The rules of {@link CadreRules}; a field already wrong in the file keeps that first error only. */
    private static CadreInput validate(Spreadsheet.Line line, CadreInput input, OrgDirectory org, LocalDate today,
            List<RowError> problems) {
        InvalidFieldsException.Collector collector = new InvalidFieldsException.Collector();
        CadreInput valid = CadreRules.validate(input, org, today, collector);
        try {
            collector.throwIfAny();
        } catch (InvalidFieldsException e) {
            e.violations().forEach(violation -> {
                if (problems.stream().noneMatch(problem -> problem.field().equals(violation.field()))) {
                    problems.add(new RowError(line.number(), violation.field(), violation.message()));
                }
            });
        }
        return valid;
    }
}
