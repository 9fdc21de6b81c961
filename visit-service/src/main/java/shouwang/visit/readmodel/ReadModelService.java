package shouwang.visit.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;

/** Keeps the cadre read model from cadre-profiles and the NEIGHBOUR contacts from pairings. */
@ApplicationScoped
@Transactional
public class ReadModelService {

    private static final Logger LOG = Logger.getLogger(ReadModelService.class);
    /** The layers the registry assigns contacts for; a NEIGHBOUR contact there counts like a pairing. */
    private static final List<Layer> PROFILE_LAYERS = List.of(Layer.UNIT, Layer.COMMUNITY, Layer.GRID,
            Layer.NEIGHBOUR);
    private static final String DEFAULT_CADENCE = "P7D";

    @Inject
    EntityManager em;

    @Inject
    ContactRepository contacts;

    @Inject
    CadreRepository cadres;

    @Inject
    Clock clock;

    @Inject
    Event<ProfilesApplied> changes;

    @Inject
    shouwang.visit.org.OrgService orgs;

    /**
     * Applies a batch of full profiles (a poll's first deliveries, in record order): for each cadre its newest, unless
     * the read model already holds that version or a newer one. The held rows are read (and locked) with one query,
     * the cadres and their contacts written with one batched statement each, then {@link ProfilesApplied} tells the
     * capabilities that follow a cadre.
     */
    public void applyProfiles(List<CadreProfile> batch) {
        Map<UUID, CadreProfile> newest = new LinkedHashMap<>();
        for (CadreProfile profile : batch) {
            newest.merge(profile.id(), profile, (held, next) -> next.version() > held.version() ? next : held);
        }
        Map<UUID, CadreRepository.Held> held = cadres.lockHeld(newest.keySet());
        Instant now = clock.now();
        List<Cadre> applied = new ArrayList<>();
        List<CadreChanged> changed = new ArrayList<>();
        Map<UUID, List<CadreProfile.LayerContact>> contactsByCadre = new LinkedHashMap<>();
        // cadres held before whose newer profile is applied: only their contacts can need deleting
        List<UUID> replaced = new ArrayList<>();
        for (CadreProfile profile : newest.values()) {
            CadreRepository.Held before = held.get(profile.id());
            if (before != null && before.version() >= profile.version()) {
                LOG.debugf("Ignored profile of cadre %s version %d (holding %d)", profile.id(), profile.version(),
                        before.version());
                continue;
            }
            Cadre cadre = cadreOf(profile, before == null || before.firstSeenAt() == null ? now : before.firstSeenAt(),
                    now);
            applied.add(cadre);
            if (before != null) {
                replaced.add(cadre.id);
            }
            contactsByCadre.put(cadre.id, profile.contacts() == null ? List.of()
                    : profile.contacts().stream().filter(c -> PROFILE_LAYERS.contains(c.layer())).toList());
            changed.add(new CadreChanged(cadre, before == null ? null : before.status(),
                    before == null ? null : before.placement()));
        }
        if (applied.isEmpty()) {
            return;
        }
        cadres.upsert(applied);
        contacts.replaceProfileContacts(contactsByCadre, replaced);
        // debug: an import applies thousands per second; the kit logs one line per batch
        LOG.debugf("Applied %d cadre profiles of a batch of %d", applied.size(), batch.size());
        changes.fire(new ProfilesApplied(changed));
    }

    /** The read model's row for a profile (not managed: written by {@link CadreRepository#upsert}). */
    private static Cadre cadreOf(CadreProfile profile, Instant firstSeenAt, Instant now) {
        Cadre cadre = new Cadre();
        cadre.id = profile.id();
        cadre.firstSeenAt = firstSeenAt;
        cadre.version = profile.version();
        cadre.name = profile.name();
        cadre.birthDate = profile.birthDate();
        cadre.placement = new Placement(profile.communityCode(), profile.gridCode(), profile.unitCode());
        cadre.livingArrangement = profile.livingArrangement();
        cadre.selfCare = profile.selfCare();
        cadre.specialCategories = profile.specialCategories() == null ? ""
                : String.join(",", profile.specialCategories());
        cadre.keyServiceTarget = Boolean.TRUE.equals(profile.keyServiceTarget());
        cadre.status = Optional.ofNullable(profile.status()).orElse(Cadre.ACTIVE);
        cadre.partyBranchCode = profile.partyBranchCode();
        cadre.householdId = profile.householdId();
        cadre.householdMemberIds = profile.householdMemberIds() == null ? ""
                : String.join(",", profile.householdMemberIds().stream().map(UUID::toString).toList());
        cadre.updatedAt = now;
        return cadre;
    }

    /** PairingCreated: the volunteer becomes the cadre's NEIGHBOUR-layer contact. */
    public void pairingCreated(PairingCreated pairing) {
        String cadence = Optional.ofNullable(pairing.cadence()).orElse(DEFAULT_CADENCE);
        try {
            Period.parse(cadence);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cadence is not an ISO-8601 period: " + cadence, e); // poison
        }
        contacts.insertPairing(pairing, cadence, Optional.ofNullable(pairing.startedOn()).orElseGet(clock::today));
        LOG.infof("Pairing %s: volunteer is now NEIGHBOUR contact of cadre %s", pairing.pairingId(),
                pairing.cadreId());
    }

    /** PairingEnded: the volunteer stops being the NEIGHBOUR-layer contact. */
    public void pairingEnded(PairingEnded pairing) {
        LocalDate endedOn = Optional.ofNullable(pairing.endedOn()).orElseGet(clock::today);
        boolean ended = contacts.endPairing(pairing.pairingId(), endedOn, pairing.reason(), clock.now());
        if (!ended && pairing.cadreId() != null) {
            // Ended before we saw it start (or a replay): remember it as ended so a late PairingCreated stays ended.
            contacts.insertEndedPairing(pairing, endedOn);
        }
        LOG.infof("Pairing %s ended", pairing.pairingId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cadre> find(UUID id) {
        return Optional.ofNullable(em.find(Cadre.class, id));
    }

    /**
     * A list filtered on a cadre: 403 when the read model places the cadre (where it lives now) outside the caller's
     * scope, as for any filter outside it. A cadre not known here is not refused: the rows are limited to the scope
     * anyway, and tasks of a cadre whose profile has not arrived yet are placed by their alert's org codes.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireCadreFilter(UUID cadreId, Caller caller) {
        if (cadreId != null) {
            find(cadreId).ifPresent(cadre -> caller.requireCadre(cadre.placement()));
        }
    }

    /** Every contact of a cadre: the registry's per layer, then the volunteers of active pairings. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> contactsOf(UUID cadreId) {
        List<Contact> all = new ArrayList<>(contacts.profileContacts(cadreId));
        for (ActivePairing pairing : contacts.activePairings(cadreId)) {
            all.add(new Contact(Layer.NEIGHBOUR, pairing.volunteerName(), pairing.volunteerPhone(), null,
                    "PAIRING", pairing.pairingId(), pairing.cadence()));
        }
        return all;
    }

    /** Active cadres inside the scope, optionally limited to some communities and one grid. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Cadre> activeCadres(Scope scope, List<String> communities, String gridCode) {
        return ListQuery.of(Cadre.class, "c")
                .eq("c.status", Cadre.ACTIVE)
                .where("c.placement.communityCode in :value",
                        communities == null || communities.isEmpty() ? null : communities)
                .eq("c.placement.gridCode", gridCode)
                .inScope(scope, "c.placement")
                .list(em);
    }

    /** Active pairings of every cadre, for the cadence check. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActivePairing> allActivePairings() {
        return contacts.allActivePairings();
    }

    /** The community a grid lies in, as the cadres placed there tell; null when no cadre lives in that grid. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String communityOfGrid(String gridCode) {
        return em.createQuery("select c.placement.communityCode from Cadre c where c.placement.gridCode = :grid "
                + "and c.placement.communityCode is not null", String.class)
                .setParameter("grid", gridCode).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Whether the scope reaches an active cadre living in one of these communities: a grid worker or unit liaison
     * works in a community only through such cadres (a campaign elsewhere is none of its business).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean reachesCadresIn(Scope scope, java.util.Collection<String> communities) {
        if (communities.isEmpty()) {
            return false;
        }
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String inScope = scope.jpql("c.placement", params);
        var query = em.createQuery("select c.id from Cadre c where c.status = :active "
                + "and c.placement.communityCode in (:communities) and " + inScope, UUID.class)
                .setParameter("active", Cadre.ACTIVE).setParameter("communities", List.copyOf(communities))
                .setMaxResults(1);
        params.forEach(query::setParameter);
        return !query.getResultList().isEmpty();
    }

    /**
     * A list filtered on an org code of no stated kind (a task's {@code orgCode}, an issue's {@code ownerOrgCode}):
     * the layer says what the code is, else the read model (a community, grid or unit some cadre is placed in), and
     * the filter is held to the scope rules of that kind (docs/security.md: an org outside scope is a 403, not an
     * empty page). A code no cadre is placed in (a street's, the bureau's) cannot be placed: a caller without scope
     * is refused, any other gets its rows narrowed to its scope as always.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireOrgFilter(shouwang.kit.security.CallerScope caller, String orgCode, Layer layer) {
        if (orgCode == null || caller.scope().districtWide()) {
            return;
        }
        if (layer == Layer.STREET || layer == Layer.BUREAU) {
            requireEscalatedOrg(caller, orgCode, layer);
            return;
        }
        String kind = layer == Layer.COMMUNITY ? "communityCode" : layer == Layer.GRID ? "gridCode"
                : layer == Layer.UNIT ? "unitCode" : placedAs(orgCode);
        if (kind == null) {
            if (caller.scope().isEmpty()) {
                throw new shouwang.kit.problem.ForbiddenException("Your token carries no community, grid or unit scope");
            }
            return;
        }
        caller.requireFilter(kind.equals("communityCode") ? orgCode : null, kind.equals("gridCode") ? orgCode : null,
                kind.equals("unitCode") ? orgCode : null, this::communityOfGrid);
    }

    /**
     * A STREET org filter is the caller's when it is one of its streets, or a street of one of its communities (the
     * org records tell); the BUREAU acts district-wide, so only a district-wide caller filters on it, or in a city the
     * admin of that district (level 3 of a city's cadre is its district's bureau, named by the district code).
     */
    private void requireEscalatedOrg(shouwang.kit.security.CallerScope caller, String orgCode, Layer layer) {
        boolean own = layer == Layer.STREET ? caller.streetCodes().contains(orgCode)
                || orgs.communitiesOfStreets(java.util.Set.of(orgCode)).stream().anyMatch(caller.scope()::coversCommunity)
                : caller.coversDistrict(orgCode);
        if (!own) {
            throw new shouwang.kit.problem.ForbiddenException(
                    (layer == Layer.STREET ? "Street " : "Bureau ") + orgCode + " is outside your scope");
        }
    }

    /** Which placement field of some cadre holds this code, or null. */
    private String placedAs(String code) {
        for (String field : List.of("communityCode", "gridCode", "unitCode")) {
            boolean placed = !em.createQuery("select c.id from Cadre c where c.placement." + field + " = :code",
                    UUID.class).setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
            if (placed) {
                return field;
            }
        }
        return null;
    }

    /** The org code of a cadre's responsible contact for a layer, falling back to where the cadre is placed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String responsibleOrg(Cadre cadre, Layer layer) {
        return contacts.responsibleOrg(cadre.id, layer).orElseGet(() -> placedOrg(cadre.placement(), layer));
    }

    /** Where a layer's work for a cadre falls when no contact names an org: NEIGHBOUR work belongs to the grid. */
    public static String placedOrg(Placement placement, Layer layer) {
        return switch (layer) {
            case UNIT -> placement.unitCode;
            case COMMUNITY -> placement.communityCode;
            case GRID, NEIGHBOUR -> placement.gridCode;
            // the street and the bureau are not part of a cadre's placement (org records know the street)
            case STREET, BUREAU -> null;
        };
    }
}
