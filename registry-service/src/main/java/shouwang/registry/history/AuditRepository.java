package shouwang.registry.history;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import shouwang.kit.jdbc.CopyRows;

/** History lines in bulk: one COPY, rather than a managed entity per line (an import writes 100,000). */
@ApplicationScoped
public class AuditRepository {

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

    /** The lines by one COPY: an import chunk writes thousands at once. */
    public void insertAll(List<CadreAudit> lines) {
        if (lines.isEmpty()) {
            return;
        }
        CopyRows rows = CopyRows.into("cadre_audit", "id", "cadre_id", "version", "action", "actor", "source", "at",
                "changes");
        for (CadreAudit line : lines) {
            rows.row(line.id, line.cadreId, line.version, line.action, line.actor, line.source, line.recordedAt,
                    line.changes);
        }
        entityManager.unwrap(Session.class).doWork(rows::writeTo);
    }
}
