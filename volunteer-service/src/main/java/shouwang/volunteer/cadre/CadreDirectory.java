package shouwang.volunteer.cadre;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.Placement;

/** The cadre read model: applies cadre-profiles and answers "does this cadre exist, is it active, where is it". */
@ApplicationScoped
@Transactional
public class CadreDirectory {

    private static final Logger LOG = Logger.getLogger(CadreDirectory.class);
    /** A registry code for 失独 we also honour, should registry add one (see docs/volunteer-service.md). */
    public static final String BEREAVED_ONLY_CHILD = "BEREAVED_ONLY_CHILD";
    public static final String WIDOWED_CHILDLESS = "WIDOWED_CHILDLESS";

    @Inject
    Event<CadreLeft> cadreLeft;

    @Inject
    Event<CadrePlaced> cadrePlaced;

    @Inject
    Clock clock;

    @Inject
    CadreRepository cadres;

    /**
     * Applies a batch of full profiles (a consumer poll's, in record order) with a fixed number of statements: each
     * cadre's newest profile of the batch only, the held rows read with one query, one upsert. A profile whose version
     * is not newer than the one held is ignored. Moves and departures are announced per cadre, as before.
     */
    public void applyAll(List<CadreProfile> batch) {
        Map<UUID, CadreProfile> newest = new LinkedHashMap<>();
        for (CadreProfile profile : batch) {
            newest.merge(profile.id(), profile, (held, next) -> next.version() > held.version() ? next : held);
        }
        Map<UUID, CadreRepository.Held> held = cadres.heldOf(newest.keySet());
        Instant now = clock.now();
        List<CadreRef> rows = new ArrayList<>();
        List<CadrePlaced> placed = new ArrayList<>();
        List<CadreLeft> left = new ArrayList<>();
        for (CadreProfile profile : newest.values()) {
            CadreRepository.Held before = held.get(profile.id());
            if (before != null && before.version() >= profile.version()) {
                LOG.debugf("Ignored cadre profile %s version %d (holding %d)", profile.id(), profile.version(),
                        before.version());
                continue;
            }
            CadreRef cadre = rowOf(profile, now);
            rows.add(cadre);
            if (before != null && !before.placement().equals(cadre.placement())) {
                placed.add(new CadrePlaced(cadre.id, cadre.placement()));
            }
            if ((before == null || before.isActive()) && !cadre.isActive()) {
                left.add(new CadreLeft(cadre.id, cadre.status, profile.leftOn(clock.today())));
            }
        }
        cadres.upsert(rows);
        // debug: an import applies thousands per second; the kit logs one line per batch
        LOG.debugf("Applied %d cadre profiles of a batch of %d", rows.size(), batch.size());
        placed.forEach(cadrePlaced::fire);
        left.forEach(cadreLeft::fire);
    }

    private static CadreRef rowOf(CadreProfile profile, Instant now) {
        CadreRef cadre = new CadreRef();
        cadre.id = profile.id();
        cadre.version = profile.version();
        cadre.name = profile.name();
        cadre.phone = profile.phone();
        cadre.placement = profile.placement();
        cadre.status = profile.status();
        cadre.selfCare = profile.selfCare();
        cadre.specialCategories = profile.categoriesText();
        cadre.updatedAt = now;
        return cadre;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CadreRef find(UUID id) {
        return id == null ? null : CadreRef.findById(id);
    }

    /**
     * The community a grid belongs to, as registry's profiles place cadres (registry owns the org tree; one
     * community, or null when no profile names the grid or profiles disagree). For the kit's list-filter rule: a grid
     * worker may filter by its grid's community, a community worker by a grid of its community.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String communityOfGrid(String gridCode) {
        if (gridCode == null) {
            return null;
        }
        List<String> communities = CadreRef.getEntityManager().createQuery("""
                select distinct c.placement.communityCode from CadreRef c
                where c.placement.gridCode = :grid and c.placement.communityCode is not null""", String.class)
                .setParameter("grid", gridCode).setMaxResults(2).getResultList();
        return communities.size() == 1 ? communities.get(0) : null;
    }

    /** A cadre named in a request: unknown is a 400 on that field, a deceased or moved-away cadre a 409. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CadreRef requireActive(String field, UUID id) {
        CadreRef cadre = find(id);
        if (cadre == null) {
            throw InvalidFieldsException.of(field, "is not a cadre known to volunteering (registry profile not received)");
        }
        if (!cadre.isActive()) {
            throw new ConflictException("Cadre " + id + " is " + cadre.status);
        }
        return cadre;
    }

    /** 孤寡 from registry, or 失独 (flagged here, or a registry code should one be added). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayReceiveDonatedHours(CadreRef cadre) {
        return cadre.categories().contains(WIDOWED_CHILDLESS) || isBereavedOnlyChild(cadre);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isBereavedOnlyChild(CadreRef cadre) {
        if (cadre.categories().contains(BEREAVED_ONLY_CHILD)) {
            return true;
        }
        CadreFlag flag = CadreFlag.findById(cadre.id);
        return flag != null && flag.bereavedOnlyChild;
    }

    public CadreFlag flagBereavedOnlyChild(UUID cadreId, boolean bereaved, String by) {
        CadreFlag flag = CadreFlag.findById(cadreId);
        if (flag == null) {
            flag = new CadreFlag();
            flag.cadreId = cadreId;
        }
        flag.bereavedOnlyChild = bereaved;
        flag.flaggedBy = by;
        flag.flaggedAt = clock.now();
        flag.persist();
        LOG.infof("Cadre %s flagged bereavedOnlyChild=%s by %s", cadreId, bereaved, by);
        return flag;
    }
}
