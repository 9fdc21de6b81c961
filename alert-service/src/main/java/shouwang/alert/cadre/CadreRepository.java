package shouwang.alert.cadre;

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
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.jdbc.ArrayColumns;
import shouwang.kit.security.Placement;

/** The cadre read model: profiles, their contacts, and the per-cadre lock everything that opens alerts takes. */
@ApplicationScoped
public class CadreRepository {

    /** Advisory lock space of the per-cadre lock (kept from earlier releases, so replicas of both agree). */
    private static final int CADRE_LOCKS = 0x41_4C_01;
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };
    /** {@link #upsert}'s array types, in its columns' order. */
    private static final String[] UPSERT_TYPES = {"uuid", "int8", "varchar", "varchar", "varchar", "varchar",
        "varchar", "varchar", "text", "varchar", "varchar"};
    private static final String UPSERT = "insert into cadre_profile (id, version, name, community_code, grid_code, "
            + "unit_code, street_code, status, contacts, profile_updated_at, received_at) "
            + "select id, version, name, community_code, grid_code, unit_code, street_code, status, contacts, "
            + "cast(profile_updated_at as timestamptz), cast(received_at as timestamptz) "
            + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as p(id, version, name, community_code, grid_code, "
            + "unit_code, street_code, status, contacts, profile_updated_at, received_at) "
            + "on conflict (id) do update set version = excluded.version, name = excluded.name, "
            + "community_code = excluded.community_code, grid_code = excluded.grid_code, "
            + "unit_code = excluded.unit_code, street_code = excluded.street_code, status = excluded.status, "
            + "contacts = excluded.contacts, profile_updated_at = excluded.profile_updated_at, "
            + "received_at = excluded.received_at where cadre_profile.version < excluded.version";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    public CadreProfile find(UUID cadreId) {
        return CadreProfile.findById(cadreId);
    }

    /**
     * Transaction-scoped PostgreSQL advisory lock on one cadre. Everything that opens or joins alerts for a cadre
     * (REST intake, partner events, routine lapses, profile arrival) runs under it, so two signals of one kind never
     * open two alerts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID cadreId) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, CADRE_LOCKS)
                .setParameter(2, cadreId.toString())
                .getSingleResult();
    }

    /**
     * {@link #lock} on each of these cadres, in one statement for a batch. In the order of the lock keys, so two
     * transactions locking overlapping sets never wait on each other in a circle; a key taken twice (a hash
     * collision) is re-entrant within the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<UUID> cadreIds) {
        if (cadreIds.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (ArrayColumns ids = ArrayColumns.column("varchar", cadreIds.stream().map(UUID::toString).toList());
                    PreparedStatement lock = connection.prepareStatement("select count(pg_advisory_xact_lock(?, k)) "
                            + "from (select hashtext(id) as k from unnest(?) as id order by 1) as keys")) {
                lock.setInt(1, CADRE_LOCKS);
                ids.bind(lock, 2);
                lock.executeQuery().close();
            }
        });
    }

    /** What the read model holds of a cadre before a batch applies: enough to skip stale profiles and see moves. */
    public record Held(long version, Placement placement) {
    }

    /**
     * The held version and placement of each of these cadres that has a profile, in one query (the ids joined as
     * rows: see {@link ArrayColumns}).
     */
    public Map<UUID, Held> heldOf(Collection<UUID> cadreIds) {
        if (cadreIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            Map<UUID, Held> held = new HashMap<>();
            try (ArrayColumns ids = ArrayColumns.column("uuid", cadreIds);
                    PreparedStatement select = connection.prepareStatement("select c.id, c.version, "
                            + "c.community_code, c.grid_code, c.unit_code from cadre_profile c "
                            + "join unnest(cast(? as uuid[])) as batch (id) on c.id = batch.id")) {
                ids.bind(select, 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.put(rows.getObject(1, UUID.class), new Held(rows.getLong(2),
                                new Placement(rows.getString(3), rows.getString(4), rows.getString(5))));
                    }
                }
            }
            return held;
        });
    }

    /**
     * Inserts or replaces these profiles' rows (distinct ids, callers hold their locks) in one statement: each column
     * as an array, unnested into rows. A row already at the same or a newer version is left as it is. The entities
     * are not managed afterwards; {@link #find} reads the written rows.
     */
    public void upsert(List<CadreProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        ArrayColumns rows = ArrayColumns.of(UPSERT_TYPES);
        for (CadreProfile profile : profiles) {
            Placement placement = profile.placement();
            rows.row(profile.id, profile.version, profile.name, placement.communityCode, placement.gridCode,
                    placement.unitCode, profile.streetCode, profile.status, profile.contacts,
                    profile.profileUpdatedAt, profile.receivedAt);
        }
        session().doWork(connection -> rows.executeUpdate(connection, UPSERT));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    /** The community a grid lies in, as the profiles received show it; null when no known cadre lives there. */
    public String communityOfGrid(String gridCode) {
        List<String> found = entityManager.createQuery("select c.placement.communityCode from CadreProfile c "
                + "where c.placement.gridCode = ?1 and c.placement.communityCode is not null", String.class)
                .setParameter(1, gridCode)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public List<Contact> contacts(CadreProfile profile) {
        try {
            return objectMapper.readValue(profile.contacts, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contacts of cadre " + profile.id + " are not JSON", e);
        }
    }

    String toJson(List<Contact> contacts) {
        try {
            return objectMapper.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contacts are not serialisable", e);
        }
    }
}
