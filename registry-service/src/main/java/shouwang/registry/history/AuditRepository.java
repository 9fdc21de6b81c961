package shouwang.registry.history;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** History lines in bulk: one JDBC batch, rather than a managed entity per line (an import writes 100,000). */
@ApplicationScoped
public class AuditRepository {

    private static final String INSERT = "insert into cadre_audit (id, cadre_id, version, action, actor, source, at, "
            + "changes) values (?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager entityManager;

    /**
     * Where a cadre lives now, {@code [community, grid, unit]}; empty for an unknown id. Read from the cadre table
     * here: the history package knows no cadre class (cadre depends on history, never the other way).
     */
    public Optional<String[]> placementOf(UUID cadreId) {
        List<?> rows = entityManager.createNativeQuery(
                "select community_code, grid_code, unit_code from cadre where id = ?1").setParameter(1, cadreId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new String[] { (String) row[0], (String) row[1], (String) row[2] });
    }

    public void insertAll(List<CadreAudit> lines) {
        if (lines.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (CadreAudit line : lines) {
                    statement.setObject(1, line.id);
                    statement.setObject(2, line.cadreId);
                    statement.setObject(3, line.version);
                    statement.setString(4, line.action);
                    statement.setString(5, line.actor);
                    statement.setString(6, line.source);
                    statement.setTimestamp(7, Timestamp.from(line.recordedAt));
                    statement.setString(8, line.changes);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}
