package shouwang.registry.org;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.registry.org.OrgDtos.CommunityInput;
import shouwang.registry.org.OrgDtos.CommunityView;
import shouwang.registry.org.OrgDtos.GridInput;
import shouwang.registry.org.OrgDtos.GridView;
import shouwang.registry.org.OrgDtos.UnitInput;
import shouwang.registry.org.OrgDtos.UnitView;

/** Units, communities and grids, keyed by their code: a second POST of a code is a 409. */
@ApplicationScoped
@Transactional
public class OrgService {

    private static final Logger LOG = Logger.getLogger(OrgService.class);

    @Inject
    Clock clock;

    public UnitView createUnit(UnitInput input) {
        if (Unit.findById(input.code()) != null) {
            throw new ConflictException("Unit " + input.code() + " already exists");
        }
        Unit unit = new Unit();
        unit.code = input.code();
        unit.name = input.name();
        unit.createdAt = clock.now();
        unit.persist();
        LOG.infof("Unit %s created", unit.code);
        return UnitView.of(unit);
    }

    public CommunityView createCommunity(CommunityInput input) {
        if (Community.findById(input.code()) != null) {
            throw new ConflictException("Community " + input.code() + " already exists");
        }
        Community community = new Community();
        community.code = input.code();
        community.name = input.name();
        community.streetName = input.streetName();
        community.createdAt = clock.now();
        community.persist();
        LOG.infof("Community %s created", community.code);
        return CommunityView.of(community);
    }

    public GridView createGrid(GridInput input) {
        if (Community.findById(input.communityCode()) == null) {
            throw InvalidFieldsException.of("communityCode", "unknown community " + input.communityCode());
        }
        if (Grid.findById(input.code()) != null) {
            throw new ConflictException("Grid " + input.code() + " already exists");
        }
        Grid grid = new Grid();
        grid.code = input.code();
        grid.name = input.name();
        grid.communityCode = input.communityCode();
        grid.createdAt = clock.now();
        grid.persist();
        LOG.infof("Grid %s created in community %s", grid.code, grid.communityCode);
        return GridView.of(grid);
    }

    /**
     * Whether a code from a path could name an org record at all: one that breaks the pattern (a NUL, which
     * PostgreSQL refuses in text and failed the read with a 500) names none, so it is not looked up.
     */
    private static boolean wellFormed(String code) {
        return code != null && CODE_PATTERN.matcher(code).matches();
    }

    private static final java.util.regex.Pattern CODE_PATTERN = java.util.regex.Pattern.compile(OrgDtos.CODE);

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitView unit(String code) {
        Unit unit = wellFormed(code) ? Unit.findById(code) : null;
        if (unit == null) {
            throw new NotFoundException("Unit", code);
        }
        return UnitView.of(unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunityView community(String code) {
        Community community = wellFormed(code) ? Community.findById(code) : null;
        if (community == null) {
            throw new NotFoundException("Community", code);
        }
        return CommunityView.of(community);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GridView grid(String code) {
        Grid grid = wellFormed(code) ? Grid.findById(code) : null;
        if (grid == null) {
            throw new NotFoundException("Grid", code);
        }
        return GridView.of(grid);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> units(PageRequest page) {
        return ListQuery.of(Unit.class, "u").orderBy("u.code asc").pageEach(page, UnitView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommunityView> communities(PageRequest page) {
        return ListQuery.of(Community.class, "c").orderBy("c.code asc").pageEach(page, CommunityView::of);
    }

    /** @param communityCode only the grids of this community; null for all */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GridView> grids(String communityCode, PageRequest page) {
        return ListQuery.of(Grid.class, "g").eq("g.communityCode", communityCode).orderBy("g.code asc")
                .pageEach(page, GridView::of);
    }

    /** The community a grid belongs to, null for an unknown grid (for list filters against a scope). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String communityOfGrid(String gridCode) {
        Grid grid = gridCode == null ? null : Grid.findById(gridCode);
        return grid == null ? null : grid.communityCode;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgDirectory directory() {
        Map<String, String> units = new HashMap<>();
        Map<String, String> communities = new HashMap<>();
        Map<String, String> grids = new HashMap<>();
        Unit.<Unit>listAll().forEach(unit -> units.put(unit.code, unit.name));
        Community.<Community>listAll().forEach(community -> communities.put(community.code, community.streetName));
        Grid.<Grid>listAll().forEach(grid -> grids.put(grid.code, grid.communityCode));
        return new OrgDirectory(units, communities, grids);
    }
}
