package shouwang.registry.imports;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.Problem;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.CadreMapper;
import shouwang.registry.cadre.CadreRules;
import shouwang.registry.cadre.CadreService;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.cadre.IdNumbers;
import shouwang.kit.outbox.Outbox;
import shouwang.registry.cadre.ProfileEvents;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.org.OrgDirectory;

/**
 * Applies one chunk of rows in one transaction: cadres through Hibernate (batched), their history lines as a JDBC
 * batch, and their cadre-profiles events through {@code Outbox.publishAll} (one batch; per-row {@code publish} would
 * flush the session on every call, which makes a 100,000-row import quadratic).
 * A chunk the database refuses is retried row by row, so one bad row never costs the others.
 */
@ApplicationScoped
public class ImportChunks {

    @Inject
    EntityManager entityManager;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    /** @param known blind indexes of every registered cadre, loaded at the job's start and grown as rows are created */
    public record Context(UUID jobId, Columns columns, OrgDirectory org, String actor, Scope scope, Set<String> known) {
        String source() {
            return "import:" + jobId;
        }
    }

    public record Result(int accepted, int rejected, List<RowError> errors) {
        Result plus(Result other) {
            List<RowError> all = new ArrayList<>(errors);
            all.addAll(other.errors);
            return new Result(accepted + other.accepted, rejected + other.rejected, all);
        }
    }

    private record Pending(String sql, Object[] values) {
    }

    public Result apply(List<Spreadsheet.Line> lines, Context context) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(lines, context));
        } catch (RuntimeException e) {
            if (lines.size() == 1) {
                return new Result(0, 1, List.of(new RowError(lines.get(0).number(), "row", "not saved: " + rootMessage(e))));
            }
            Result total = new Result(0, 0, List.of());
            for (Spreadsheet.Line line : lines) {
                total = total.plus(apply(List.of(line), context));
            }
            return total;
        }
    }

    private Result write(List<Spreadsheet.Line> lines, Context context) {
        Map<Spreadsheet.Line, String> indexes = new HashMap<>();
        for (Spreadsheet.Line line : lines) {
            String number = IdNumbers.normalize(context.columns().idNumber(line.cells()));
            if (number != null && IdNumbers.problem(number) == null) {
                indexes.put(line, idNumbers.blindIndex(number));
            }
        }
        Map<String, Cadre> byIndex = new HashMap<>();
        Set<String> registered = indexes.values().stream().filter(context.known()::contains)
                .collect(java.util.stream.Collectors.toSet());
        if (!registered.isEmpty()) {
            // planner statistics lag behind a table that grows by thousands of rows a second: without this, the
            // lookup became a sequential scan comparing every row with a thousand parameters
            entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            entityManager.createQuery("from Cadre where idNumberIndex in :indexes", Cadre.class)
                    .setParameter("indexes", registered).getResultList()
                    .forEach(cadre -> byIndex.put(cadre.idNumberIndex, cadre));
        }
        List<RowError> errors = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<Pending> writes = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        Instant now = Instant.now();
        for (Spreadsheet.Line line : lines) {
            String index = indexes.get(line);
            Cadre existing = index == null ? null : byIndex.get(index);
            Map<String, String> problems = new LinkedHashMap<>();
            CadreInput input = context.columns().input(line.cells(), existing, problems);
            InvalidFieldsException.Collector collector = new InvalidFieldsException.Collector();
            CadreInput valid = CadreRules.validate(input, context.org(), collector);
            try {
                collector.throwIfAny();
            } catch (InvalidFieldsException e) {
                for (Problem.Violation violation : e.violations()) {
                    problems.putIfAbsent(violation.field(), violation.message());
                }
            }
            if (problems.isEmpty() && (!context.scope().covers(valid.communityCode(), valid.gridCode(), valid.unitCode())
                    || existing != null && !context.scope().covers(existing.communityCode, existing.gridCode, existing.unitCode))) {
                problems.put("communityCode", "outside your scope");
            }
            if (!problems.isEmpty()) {
                rejected++;
                problems.forEach((field, message) -> errors.add(new RowError(line.number(), field, message)));
                continue;
            }
            accepted++;
            if (existing == null) {
                Cadre cadre = CadreService.newCadre(UUID.randomUUID(), valid, index, idNumbers);
                entityManager.persist(cadre);
                byIndex.put(index, cadre);
                created.add(index);
                record(writes, events, cadre, AuditTrail.CREATED, ProfileEvents.REGISTERED,
                        CadreMapper.diff(CadreMapper.auditFields(new Cadre()), CadreMapper.auditFields(cadre)), context, now);
            } else {
                Map<String, Object> before = CadreMapper.auditFields(existing);
                CadreService.revise(existing, valid, index, idNumbers);
                Map<String, Map<String, Object>> changes = CadreMapper.diff(before, CadreMapper.auditFields(existing));
                if (!changes.isEmpty()) {
                    existing.version++;
                    existing.updatedAt = now;
                    record(writes, events, existing, AuditTrail.UPDATED, ProfileEvents.UPDATED, changes, context, now);
                }
            }
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            Map<String, PreparedStatement> statements = new LinkedHashMap<>();
            try {
                for (Pending write : writes) {
                    PreparedStatement statement = statements.get(write.sql());
                    if (statement == null) {
                        statement = connection.prepareStatement(write.sql());
                        statements.put(write.sql(), statement);
                    }
                    for (int i = 0; i < write.values().length; i++) {
                        statement.setObject(i + 1, write.values()[i]);
                    }
                    statement.addBatch();
                }
                for (PreparedStatement statement : statements.values()) {
                    statement.executeBatch();
                }
            } finally {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
            }
        });
        outbox.publishAll(events);
        // only after the statements went through: a chunk retried row by row must not believe these exist
        context.known().addAll(created);
        return new Result(accepted, rejected, errors);
    }

    /** The blind index of every registered cadre (100,000 are ~7 MB), so new rows need no lookup at all. */
    public Set<String> knownIndexes() {
        return QuarkusTransaction.requiringNew().call(() -> new java.util.HashSet<>(entityManager
                .createQuery("select idNumberIndex from Cadre", String.class).getResultList()));
    }

    private void record(List<Pending> writes, List<Outbox.Event> events, Cadre cadre, String action, String eventName,
            Map<String, Map<String, Object>> changes, Context context, Instant now) {
        writes.add(new Pending("insert into cadre_audit (id, cadre_id, version, action, actor, source, at, changes) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", new Object[] { UUID.randomUUID(), cadre.id, cadre.version, action,
                        context.actor(), context.source(), Timestamp.from(now), toJson(changes) }));
        events.add(new Outbox.Event(ProfileEvents.TOPIC, cadre.id.toString(), eventName,
                CadreMapper.profile(cadre, context.org().streetOf(cadre.communityCode))));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
