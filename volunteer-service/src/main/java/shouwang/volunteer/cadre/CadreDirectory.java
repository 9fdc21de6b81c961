package shouwang.volunteer.cadre;

import java.util.List;
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

    /** Applies one full profile; a profile whose version is not newer than the one held is ignored. */
    public void apply(CadreProfile profile) {
        CadreRef cadre = CadreRef.findById(profile.id());
        if (cadre != null && cadre.version >= profile.version()) {
            LOG.debugf("Ignored cadre profile %s version %d (holding %d)", profile.id(), profile.version(),
                    cadre.version);
            return;
        }
        boolean wasActive = cadre == null || cadre.isActive();
        Placement placedBefore = cadre == null ? null : cadre.placement();
        if (cadre == null) {
            cadre = new CadreRef();
            cadre.id = profile.id();
        }
        cadre.version = profile.version();
        cadre.name = profile.name();
        cadre.phone = profile.phone();
        cadre.placement = profile.placement();
        cadre.status = profile.status();
        cadre.selfCare = profile.selfCare();
        cadre.specialCategories = profile.categoriesText();
        cadre.updatedAt = clock.now();
        cadre.persist();
        // debug: an import applies thousands per second; the kit logs one line per batch
        LOG.debugf("Cadre profile %s applied at version %d (status %s)", cadre.id, cadre.version, cadre.status);
        if (placedBefore != null && !placedBefore.equals(cadre.placement())) {
            cadrePlaced.fire(new CadrePlaced(cadre.id, cadre.placement()));
        }
        if (wasActive && !cadre.isActive()) {
            cadreLeft.fire(new CadreLeft(cadre.id, cadre.status, profile.leftOn(clock.today())));
        }
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
