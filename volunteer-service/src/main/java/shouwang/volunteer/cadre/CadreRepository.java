package shouwang.volunteer.cadre;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import shouwang.kit.jdbc.ArrayColumns;
import shouwang.kit.security.Placement;

/**
 * The cadre_ref rows a batch of profiles reads and writes with one statement each (issue 17): a bulk load's
 * thousands of profiles would otherwise cost a find and a flush of a growing persistence context per profile.
 */
@ApplicationScoped
public class CadreRepository {

    /** {@link #upsert}'s array types, in its columns' order. */
    private static final String[] UPSERT_TYPES = {"uuid", "int8", "varchar", "varchar", "varchar", "varchar",
        "varchar", "varchar", "varchar", "varchar", "varchar"};
    private static final String UPSERT = "insert into cadre_ref (id, version, name, phone, community_code, "
            + "grid_code, unit_code, status, self_care, special_categories, updated_at) "
            + "select id, version, name, phone, community_code, grid_code, unit_code, status, self_care, "
            + "special_categories, cast(updated_at as timestamptz) "
            + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as p(id, version, name, phone, community_code, "
            + "grid_code, unit_code, status, self_care, special_categories, updated_at) "
            + "on conflict (id) do update set version = excluded.version, name = excluded.name, "
            + "phone = excluded.phone, community_code = excluded.community_code, grid_code = excluded.grid_code, "
            + "unit_code = excluded.unit_code, status = excluded.status, self_care = excluded.self_care, "
            + "special_categories = excluded.special_categories, updated_at = excluded.updated_at "
            + "where cadre_ref.version < excluded.version";

    @Inject
    EntityManager entityManager;

    /** What is held of a cadre before a batch applies: enough to skip stale profiles and see moves and departures. */
    public record Held(long version, String status, Placement placement) {

        boolean isActive() {
            return CadreRef.ACTIVE.equals(status);
        }
    }

    /**
     * The held version, status and placement of each of these cadres that has a row, in one query (the ids joined as
     * rows: see {@link ArrayColumns}).
     */
    public Map<UUID, Held> heldOf(Collection<UUID> cadreIds) {
        if (cadreIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<UUID, Held> held = new HashMap<>();
            try (ArrayColumns ids = ArrayColumns.column("uuid", cadreIds);
                    PreparedStatement select = connection.prepareStatement("select c.id, c.version, c.status, "
                            + "c.community_code, c.grid_code, c.unit_code from cadre_ref c "
                            + "join unnest(cast(? as uuid[])) as batch (id) on c.id = batch.id")) {
                ids.bind(select, 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.put(rows.getObject(1, UUID.class), new Held(rows.getLong(2), rows.getString(3),
                                new Placement(rows.getString(4), rows.getString(5), rows.getString(6))));
                    }
                }
            }
            return held;
        });
    }

    /**
     * Inserts or replaces these cadres' rows (distinct ids) in one statement: each column as an array, unnested into
     * rows. A row already at the same or a newer version is left as it is. The entities are not managed afterwards.
     */
    public void upsert(List<CadreRef> cadres) {
        if (cadres.isEmpty()) {
            return;
        }
        ArrayColumns rows = ArrayColumns.of(UPSERT_TYPES);
        for (CadreRef cadre : cadres) {
            Placement placement = cadre.placement();
            rows.row(cadre.id, cadre.version, cadre.name, cadre.phone, placement.communityCode,
                    placement.gridCode, placement.unitCode, cadre.status, cadre.selfCare,
                    cadre.specialCategories, cadre.updatedAt);
        }
        session().doWork(connection -> rows.executeUpdate(connection, UPSERT));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
