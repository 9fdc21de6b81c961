package shouwang.visit.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import shouwang.visit.Layer;

/** Keeps the cadre read model from cadre-profiles and the NEIGHBOUR contacts from pairings. */
@ApplicationScoped
@Transactional
public class ReadModelService {

    private static final Logger LOG = Logger.getLogger(ReadModelService.class);
    private static final List<Layer> PROFILE_LAYERS = List.of(Layer.UNIT, Layer.COMMUNITY, Layer.GRID);

    @Inject
    EntityManager em;

    @Inject
    Event<CadreChanged> changes;

    /** Applies a full profile unless the read model already holds this version or a newer one. */
    public void applyProfile(JsonNode data) {
        UUID id = Json.requiredUuid(data, "id");
        if (!data.hasNonNull("version") || !data.get("version").canConvertToLong()) {
            throw new IllegalArgumentException("profile " + id + " has no version");
        }
        long version = data.get("version").asLong();
        Cadre cadre = em.find(Cadre.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean known = cadre != null;
        if (known && cadre.version >= version) {
            LOG.debugf("Ignored profile of cadre %s version %d (holding %d)", id, version, cadre.version);
            return;
        }
        String previousStatus = known ? cadre.status : null;
        String previousCommunity = known ? cadre.communityCode : null;
        String previousGrid = known ? cadre.gridCode : null;
        String previousUnit = known ? cadre.unitCode : null;
        if (!known) {
            cadre = new Cadre();
            cadre.id = id;
            cadre.firstSeenAt = Instant.now();
        }
        cadre.version = version;
        cadre.name = Json.text(data, "name");
        cadre.birthDate = Json.date(data, "birthDate");
        cadre.unitCode = Json.text(data, "unitCode");
        cadre.communityCode = Json.text(data, "communityCode");
        cadre.gridCode = Json.text(data, "gridCode");
        cadre.livingArrangement = Json.text(data, "livingArrangement");
        cadre.selfCare = Json.text(data, "selfCare");
        List<String> categories = new ArrayList<>();
        if (data.has("specialCategories") && data.get("specialCategories").isArray()) {
            data.get("specialCategories").forEach(c -> categories.add(c.asText()));
        }
        cadre.specialCategories = String.join(",", categories);
        cadre.keyServiceTarget = data.path("keyServiceTarget").asBoolean(false);
        cadre.status = Optional.ofNullable(Json.text(data, "status")).orElse(Cadre.ACTIVE);
        cadre.updatedAt = Instant.now();
        if (!known) {
            em.persist(cadre);
        }
        em.flush();
        replaceContacts(id, data.path("contacts"));
        LOG.infof("Cadre %s profile version %d applied (status %s)", id, version, cadre.status);
        changes.fire(new CadreChanged(cadre, previousStatus, previousCommunity, previousGrid, previousUnit));
    }

    private void replaceContacts(UUID cadreId, JsonNode contacts) {
        em.createNativeQuery("delete from cadre_contact where cadre_id = ?1").setParameter(1, cadreId).executeUpdate();
        if (!contacts.isArray()) {
            return;
        }
        for (JsonNode contact : contacts) {
            Layer layer = Layer.valueOf(Json.text(contact, "layer"));
            if (!PROFILE_LAYERS.contains(layer)) {
                continue; // NEIGHBOUR contacts come from pairings
            }
            em.createNativeQuery("insert into cadre_contact (cadre_id, layer, name, phone, org_code) "
                    + "values (?1, ?2, ?3, ?4, ?5) on conflict (cadre_id, layer) do update set name = excluded.name, "
                    + "phone = excluded.phone, org_code = excluded.org_code")
                    .setParameter(1, cadreId).setParameter(2, layer.name())
                    .setParameter(3, Json.text(contact, "name")).setParameter(4, Json.text(contact, "phone"))
                    .setParameter(5, Json.text(contact, "orgCode"))
                    .executeUpdate();
        }
    }

    /** PairingCreated: the volunteer becomes the cadre's NEIGHBOUR-layer contact. */
    public void pairingCreated(JsonNode data) {
        UUID pairingId = Json.requiredUuid(data, "pairingId");
        UUID cadreId = Json.requiredUuid(data, "cadreId");
        String cadence = Optional.ofNullable(Json.text(data, "cadence")).orElse("P7D");
        java.time.Period.parse(cadence); // a malformed cadence is a poison record
        em.createNativeQuery("insert into neighbour_pairing (pairing_id, cadre_id, volunteer_id, volunteer_name, "
                + "volunteer_phone, cadence, started_on) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (pairing_id) do nothing")
                .setParameter(1, pairingId).setParameter(2, cadreId)
                .setParameter(3, Json.uuid(data, "volunteerId"))
                .setParameter(4, Json.text(data, "volunteerName")).setParameter(5, Json.text(data, "volunteerPhone"))
                .setParameter(6, cadence)
                .setParameter(7, Optional.ofNullable(Json.date(data, "startedOn")).orElse(LocalDate.now()))
                .executeUpdate();
        LOG.infof("Pairing %s: volunteer is now NEIGHBOUR contact of cadre %s", pairingId, cadreId);
    }

    /** PairingEnded: the volunteer stops being the NEIGHBOUR-layer contact. */
    public void pairingEnded(JsonNode data) {
        UUID pairingId = Json.requiredUuid(data, "pairingId");
        LocalDate endedOn = Optional.ofNullable(Json.date(data, "endedOn")).orElse(LocalDate.now());
        int updated = em.createNativeQuery("update neighbour_pairing set ended_on = ?2, end_reason = ?3, "
                + "updated_at = now() where pairing_id = ?1 and ended_on is null")
                .setParameter(1, pairingId).setParameter(2, endedOn).setParameter(3, Json.text(data, "reason"))
                .executeUpdate();
        if (updated == 0 && data.hasNonNull("cadreId")) {
            // Ended before we saw it start (or a replay): remember it as ended so a late PairingCreated stays ended.
            em.createNativeQuery("insert into neighbour_pairing (pairing_id, cadre_id, volunteer_id, started_on, "
                    + "ended_on, end_reason) values (?1, ?2, ?3, ?4, ?4, ?5) on conflict (pairing_id) do nothing")
                    .setParameter(1, pairingId).setParameter(2, Json.requiredUuid(data, "cadreId"))
                    .setParameter(3, Json.uuid(data, "volunteerId")).setParameter(4, endedOn)
                    .setParameter(5, Json.text(data, "reason"))
                    .executeUpdate();
        }
        LOG.infof("Pairing %s ended", pairingId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cadre> find(UUID id) {
        return Optional.ofNullable(em.find(Cadre.class, id));
    }

    /** Every contact of a cadre: the registry's per layer, then the volunteers of active pairings. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Contact> contactsOf(UUID cadreId) {
        List<Contact> contacts = new ArrayList<>();
        List<Object[]> rows = em.createNativeQuery("select layer, name, phone, org_code from cadre_contact "
                + "where cadre_id = ?1 order by case layer when 'UNIT' then 0 when 'COMMUNITY' then 1 else 2 end")
                .setParameter(1, cadreId).getResultList();
        for (Object[] row : rows) {
            contacts.add(new Contact(Layer.valueOf((String) row[0]), (String) row[1], (String) row[2], (String) row[3],
                    "PROFILE", null, null));
        }
        for (ActivePairing pairing : activePairings(cadreId)) {
            contacts.add(new Contact(Layer.NEIGHBOUR, pairing.volunteerName(), pairing.volunteerPhone(), null,
                    "PAIRING", pairing.pairingId(), pairing.cadence()));
        }
        return contacts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ActivePairing> activePairings(UUID cadreId) {
        List<Object[]> rows = em.createNativeQuery("select pairing_id, cadre_id, volunteer_name, volunteer_phone, cadence, "
                + "started_on from neighbour_pairing where cadre_id = ?1 and ended_on is null order by started_on")
                .setParameter(1, cadreId).getResultList();
        return rows.stream().map(ActivePairing::of).toList();
    }

    /** Active cadres inside the scope, optionally limited to some communities and one grid. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Cadre> activeCadres(shouwang.kit.security.Scope scope, List<String> communities, String gridCode) {
        StringBuilder where = new StringBuilder("where c.status = :active");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("active", Cadre.ACTIVE);
        if (communities != null && !communities.isEmpty()) {
            where.append(" and c.communityCode in :communities");
            params.put("communities", communities);
        }
        if (gridCode != null) {
            where.append(" and c.gridCode = :grid");
            params.put("grid", gridCode);
        }
        shouwang.visit.ScopeFilter.apply(scope, "c", where, params);
        var query = em.createQuery("select c from Cadre c " + where, Cadre.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Active pairings of every cadre, for the cadence check. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ActivePairing> allActivePairings() {
        List<Object[]> rows = em.createNativeQuery("select pairing_id, cadre_id, volunteer_name, volunteer_phone, cadence, "
                + "started_on from neighbour_pairing where ended_on is null order by started_on").getResultList();
        return rows.stream().map(ActivePairing::of).toList();
    }

    /** The org code of a cadre's responsible contact for a layer, falling back to where the cadre is placed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public String responsibleOrg(Cadre cadre, Layer layer) {
        List<Object> rows = em.createNativeQuery("select org_code from cadre_contact where cadre_id = ?1 and layer = ?2")
                .setParameter(1, cadre.id).setParameter(2, layer.name()).getResultList();
        if (!rows.isEmpty() && rows.get(0) != null) {
            return (String) rows.get(0);
        }
        return switch (layer) {
            case UNIT -> cadre.unitCode;
            case COMMUNITY -> cadre.communityCode;
            case GRID -> cadre.gridCode;
            case NEIGHBOUR -> cadre.gridCode;
        };
    }

    public record ActivePairing(UUID pairingId, UUID cadreId, String volunteerName, String volunteerPhone,
            String cadence, LocalDate startedOn) {
        static ActivePairing of(Object[] row) {
            return new ActivePairing((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                    toDate(row[5]));
        }

        private static LocalDate toDate(Object value) {
            if (value instanceof java.sql.Date date) {
                return date.toLocalDate();
            }
            return (LocalDate) value;
        }
    }
}
