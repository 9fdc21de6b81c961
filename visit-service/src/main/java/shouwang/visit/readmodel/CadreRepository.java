package shouwang.visit.readmodel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * The cadre rows of a batch of profiles, read and written with one statement each (a bulk load brings thousands per
 * second; entity by entity, every flush walked the whole batch's persistence context).
 */
@ApplicationScoped
public class CadreRepository {

    /** What a newer profile is compared with: the version held, and the status and placement it changes from. */
    public record Held(long version, String status, Placement placement, Instant firstSeenAt) {
    }

    /** {@link #upsert}'s array types, in its columns' order (dates and instants as text, cast by the statement). */
    private static final String[] UPSERT_TYPES = {"uuid", "int8", "varchar", "varchar", "varchar", "varchar",
        "varchar", "varchar", "varchar", "varchar", "bool", "varchar", "varchar", "uuid", "varchar", "varchar",
        "varchar"};
    private static final String UPSERT = "insert into cadre (id, version, name, birth_date, unit_code, community_code, "
            + "grid_code, living_arrangement, self_care, special_categories, key_service_target, status, "
            + "party_branch_code, household_id, household_member_ids, first_seen_at, updated_at) "
            + "select * from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as varchar[]), cast(? as date[]), "
            + "cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), "
            + "cast(? as varchar[]), cast(? as varchar[]), cast(? as boolean[]), cast(? as varchar[]), "
            + "cast(? as varchar[]), cast(? as uuid[]), cast(? as varchar[]), cast(? as timestamptz[]), "
            + "cast(? as timestamptz[])) "
            + "on conflict (id) do update set "
            + "version = excluded.version, name = excluded.name, birth_date = excluded.birth_date, "
            + "unit_code = excluded.unit_code, community_code = excluded.community_code, "
            + "grid_code = excluded.grid_code, living_arrangement = excluded.living_arrangement, "
            + "self_care = excluded.self_care, special_categories = excluded.special_categories, "
            + "key_service_target = excluded.key_service_target, status = excluded.status, "
            + "party_branch_code = excluded.party_branch_code, household_id = excluded.household_id, "
            + "household_member_ids = excluded.household_member_ids, updated_at = excluded.updated_at "
            // never older than what is held, even if a caller skipped the comparison
            + "where cadre.version < excluded.version";

    @Inject
    EntityManager em;

    /** The held rows of these cadres, locked until the transaction ends; cadres not held yet are absent. */
    public Map<UUID, Held> lockHeld(Collection<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, Held> held = new HashMap<>();
            // the ids joined as unnest rows, so the primary key is probed whatever the statistics say (ArrayColumns)
            try (ArrayColumns batch = ArrayColumns.column("uuid", ids);
                    PreparedStatement select = connection.prepareStatement("select c.id, c.version, c.status, "
                            + "c.community_code, c.grid_code, c.unit_code, c.first_seen_at from cadre c "
                            + "join unnest(cast(? as uuid[])) as batch (id) on c.id = batch.id order by c.id "
                            + "for update of c")) {
                batch.bind(select, 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime firstSeen = rows.getObject(7, OffsetDateTime.class);
                        held.put(rows.getObject(1, UUID.class), new Held(rows.getLong(2), rows.getString(3),
                                new Placement(rows.getString(4), rows.getString(5), rows.getString(6)),
                                firstSeen == null ? null : firstSeen.toInstant()));
                    }
                }
            }
            return held;
        });
    }

    /**
     * Inserts or replaces these cadres' rows (distinct ids) in one statement: each column as an array, unnested into
     * rows (one statement for the batch, not one per row, even batched).
     */
    public void upsert(List<Cadre> cadres) {
        ArrayColumns rows = ArrayColumns.of(UPSERT_TYPES);
        for (Cadre cadre : cadres) {
            Placement placement = cadre.placement();
            rows.row(cadre.id, cadre.version, cadre.name, cadre.birthDate, placement.unitCode,
                    placement.communityCode, placement.gridCode, cadre.livingArrangement, cadre.selfCare,
                    cadre.specialCategories, cadre.keyServiceTarget, cadre.status, cadre.partyBranchCode,
                    cadre.householdId, cadre.householdMemberIds, cadre.firstSeenAt, cadre.updatedAt);
        }
        em.unwrap(Session.class).doWork(connection -> rows.executeUpdate(connection, UPSERT));
    }
}
