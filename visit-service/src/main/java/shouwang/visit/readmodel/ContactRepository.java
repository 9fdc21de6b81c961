package shouwang.visit.readmodel;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import shouwang.kit.jdbc.ArrayColumns;
import shouwang.visit.Layer;

/** The responsible contacts per layer: the registry's ({@code cadre_contact}) and the pairings' volunteers. */
@ApplicationScoped
public class ContactRepository {

    private static final String PAIRING_COLUMNS = "select pairing_id, cadre_id, volunteer_name, volunteer_phone, "
            + "cadence, started_on from neighbour_pairing where ended_on is null";

    /**
     * Upsert of the batch's contacts (unchanged rows left alone) and, in the same statement, delete of the held
     * cadres' layers the batch does not name: the two touch different rows, as one statement must.
     */
    private static final String REPLACE_CONTACTS = "with incoming as (select * from unnest(cast(? as uuid[]), "
            + "cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[])) "
            + "as i (cadre_id, layer, name, phone, org_code)), "
            + "dropped as (delete from cadre_contact c using unnest(cast(? as uuid[])) as held (cadre_id) "
            + "where c.cadre_id = held.cadre_id and not exists (select 1 from incoming i "
            + "where i.cadre_id = c.cadre_id and i.layer = c.layer)) "
            + "insert into cadre_contact (cadre_id, layer, name, phone, org_code) "
            + "select cadre_id, layer, name, phone, org_code from incoming "
            + "on conflict (cadre_id, layer) do update set name = excluded.name, phone = excluded.phone, "
            + "org_code = excluded.org_code where (cadre_contact.name, cadre_contact.phone, cadre_contact.org_code) "
            + "is distinct from (excluded.name, excluded.phone, excluded.org_code)";

    @Inject
    EntityManager em;

    /**
     * The registry contacts of a batch in ONE statement: the profiles' contacts upserted, a row rewritten only when
     * its name, phone or org differs (a re-import changes almost none: no new row version, no index entry, no
     * foreign-key check), and the layers a held cadre's profile no longer names deleted. The delete joins the held
     * cadres as {@code unnest} rows, so it probes the primary key whatever the table's statistics say (as
     * {@code cadre_id = any(?)} it was planned as a sequential scan while the table was young, and a bulk load's
     * batches grew slower with every batch until autovacuum analysed it). Of two contacts of one layer in a profile
     * the last counts, as one by one.
     *
     * @param heldCadreIds the cadres of the batch the read model held before: only they can have contacts to drop
     */
    public void replaceProfileContacts(Map<UUID, List<CadreProfile.LayerContact>> contactsByCadre,
            Collection<UUID> heldCadreIds) {
        if (contactsByCadre.values().stream().allMatch(List::isEmpty) && heldCadreIds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (ArrayColumns incoming = ArrayColumns.of("uuid", "varchar", "varchar", "varchar", "varchar");
                    ArrayColumns held = ArrayColumns.column("uuid", heldCadreIds);
                    PreparedStatement write = connection.prepareStatement(REPLACE_CONTACTS)) {
                contactsByCadre.forEach((cadreId, contacts) -> {
                    Map<Layer, CadreProfile.LayerContact> byLayer = new LinkedHashMap<>();
                    contacts.forEach(contact -> byLayer.put(contact.layer(), contact));
                    for (CadreProfile.LayerContact contact : byLayer.values()) {
                        incoming.row(cadreId, contact.layer().name(), contact.name(), contact.phone(),
                                contact.orgCode());
                    }
                });
                held.bind(write, incoming.bind(write, 1));
                write.executeUpdate();
            }
        });
    }

    /** The registry's contacts of a cadre, UNIT, COMMUNITY, GRID. */
    @SuppressWarnings("unchecked")
    public List<Contact> profileContacts(UUID cadreId) {
        List<Object[]> rows = em.createNativeQuery("select layer, name, phone, org_code from cadre_contact "
                + "where cadre_id = ?1 order by case layer when 'UNIT' then 0 when 'COMMUNITY' then 1 else 2 end")
                .setParameter(1, cadreId).getResultList();
        List<Contact> contacts = new ArrayList<>();
        for (Object[] row : rows) {
            contacts.add(new Contact(Layer.valueOf((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                    "PROFILE", null, null));
        }
        return contacts;
    }

    /** The org of a cadre's registry contact for a layer, when the registry named one. */
    @SuppressWarnings("unchecked")
    public Optional<String> responsibleOrg(UUID cadreId, Layer layer) {
        List<Object> rows = em.createNativeQuery("select org_code from cadre_contact where cadre_id = ?1 and layer = ?2")
                .setParameter(1, cadreId).setParameter(2, layer.name()).getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).map(String.class::cast).findFirst();
    }

    /** A new pairing; a pairing already known (started, or remembered as ended) stays as it is. */
    public void insertPairing(PairingCreated pairing, String cadence, LocalDate startedOn) {
        em.createNativeQuery("insert into neighbour_pairing (pairing_id, cadre_id, volunteer_id, volunteer_name, "
                + "volunteer_phone, cadence, started_on) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (pairing_id) do nothing")
                .setParameter(1, pairing.pairingId()).setParameter(2, pairing.cadreId())
                .setParameter(3, pairing.volunteerId())
                .setParameter(4, pairing.volunteerName()).setParameter(5, pairing.volunteerPhone())
                .setParameter(6, cadence)
                .setParameter(7, startedOn)
                .executeUpdate();
    }

    /** Ends an active pairing; returns whether there was one. */
    public boolean endPairing(UUID pairingId, LocalDate endedOn, String reason, Instant now) {
        return em.createNativeQuery("update neighbour_pairing set ended_on = ?2, end_reason = ?3, "
                + "updated_at = ?4 where pairing_id = ?1 and ended_on is null")
                .setParameter(1, pairingId).setParameter(2, endedOn).setParameter(3, reason)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate() > 0;
    }

    /** Remembers a pairing that ended before it was seen to start, so a late PairingCreated stays ended. */
    public void insertEndedPairing(PairingEnded pairing, LocalDate endedOn) {
        em.createNativeQuery("insert into neighbour_pairing (pairing_id, cadre_id, volunteer_id, started_on, "
                + "ended_on, end_reason) values (?1, ?2, ?3, ?4, ?4, ?5) on conflict (pairing_id) do nothing")
                .setParameter(1, pairing.pairingId()).setParameter(2, pairing.cadreId())
                .setParameter(3, pairing.volunteerId()).setParameter(4, endedOn)
                .setParameter(5, pairing.reason())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ActivePairing> activePairings(UUID cadreId) {
        List<Object[]> rows = em.createNativeQuery(PAIRING_COLUMNS + " and cadre_id = ?1 order by started_on")
                .setParameter(1, cadreId).getResultList();
        return rows.stream().map(ContactRepository::pairing).toList();
    }

    @SuppressWarnings("unchecked")
    public List<ActivePairing> allActivePairings() {
        List<Object[]> rows = em.createNativeQuery(PAIRING_COLUMNS + " order by started_on").getResultList();
        return rows.stream().map(ContactRepository::pairing).toList();
    }

    private static ActivePairing pairing(Object[] row) {
        return new ActivePairing((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                date(row[5]));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
