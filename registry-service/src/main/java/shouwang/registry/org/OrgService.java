package shouwang.registry.org;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.org.OrgDtos.CommunityInput;
import shouwang.registry.org.OrgDtos.CommunityView;
import shouwang.registry.org.OrgDtos.DistrictInput;
import shouwang.registry.org.OrgDtos.GridInput;
import shouwang.registry.org.OrgDtos.GridView;
import shouwang.registry.org.OrgDtos.OrgUpdate;
import shouwang.registry.org.OrgDtos.OrgView;
import shouwang.registry.org.OrgDtos.PersonInput;
import shouwang.registry.org.OrgDtos.StreetInput;
import shouwang.registry.org.OrgDtos.StreetView;
import shouwang.registry.org.OrgDtos.UnitInput;

/**
 * Every org record (unit, street, community, grid, the bureau), keyed by its code: created once (a second POST of a
 * code is a 409; a repeated client {@code id} answers the same record), edited at the version it was read at (a
 * stale version is a 409), deactivated when nothing active depends on it. Every change is announced on
 * {@code org-records} with the full record, in the change's transaction.
 */
@ApplicationScoped
@Transactional
public class OrgService {

    private static final Logger LOG = Logger.getLogger(OrgService.class);
    private static final Pattern CODE_PATTERN = Pattern.compile(OrgDtos.CODE);

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    OrgRepository repository;

    @Inject
    CallerScope caller;

    /** One row of an org import: {@code people} null when the file has no people columns (they stay as they are). */
    public record OrgRow(OrgKind kind, String code, String name, String parentCode, List<PersonInput> people) {
    }

    public Saved<OrgView> createUnit(UnitInput input) {
        return create(OrgKind.UNIT, input.id(), input.code(), input.people(), (Unit unit) -> unit.name = input.name(),
                OrgView::of);
    }

    /** Only the city creates districts: a district admin, even of a one-district deployment, gets 403. */
    public Saved<OrgView> createDistrict(DistrictInput input) {
        if (!caller.isCityAdmin()) {
            throw new ForbiddenException("Only the city (city-admin) creates districts");
        }
        return create(OrgKind.DISTRICT, input.id(), input.code(), input.people(),
                (District district) -> district.name = input.name(), OrgView::of);
    }

    /** A district-scoped admin creates streets in its own districts only (403 for another's). */
    public Saved<StreetView> createStreet(StreetInput input) {
        return create(OrgKind.STREET, input.id(), input.code(), input.people(), (Street street) -> {
            street.name = input.name();
            placeInDistrict(street, input.districtCode(), "districtCode");
            requireDistrict(street.districtCode);
        }, StreetView::of);
    }

    public Saved<CommunityView> createCommunity(CommunityInput input) {
        return create(OrgKind.COMMUNITY, input.id(), input.code(), input.people(), (Community community) -> {
            community.name = input.name();
            placeInStreet(community, input.streetCode(), input.streetName());
            requireDistrict(districtOfStreet(community.streetCode));
        }, CommunityView::of);
    }

    public Saved<GridView> createGrid(GridInput input) {
        return create(OrgKind.GRID, input.id(), input.code(), input.people(), (Grid grid) -> {
            grid.name = input.name();
            grid.communityCode = activeParent(OrgKind.COMMUNITY, input.communityCode(), "communityCode").code;
            requireDistrict(districtOfCommunity(grid.communityCode));
        }, GridView::of);
    }

    /**
     * A street's district: {@code code} must name an active district. None given: a street in no district, as every
     * street of a one-district deployment is, and as a city's streets are until it assigns them (the move to a city,
     * docs/city.md); only the city may make one ({@link #requireDistrict}), and only the city sees its communities.
     */
    private void placeInDistrict(Street street, String code, String field) {
        if (code == null || code.isBlank()) {
            street.districtCode = null;
            return;
        }
        street.districtCode = activeParent(OrgKind.DISTRICT, code.strip(), field).code;
    }

    /**
     * The org management of a district-scoped admin stays within its districts (403 elsewhere); a city admin and
     * the admin of a one-district deployment act everywhere.
     */
    private void requireDistrict(String districtCode) {
        if (!caller.scope().districtWide() && !caller.coversDistrict(districtCode)) {
            throw new ForbiddenException(districtCode == null ? "Only the city manages records in no district"
                    : "District " + districtCode + " is not one of your districts");
        }
    }

    private String districtOfStreet(String streetCode) {
        Street street = streetCode == null ? null : Street.findById(streetCode);
        return street == null ? null : street.districtCode;
    }

    private String districtOfCommunity(String communityCode) {
        Community community = communityCode == null ? null : Community.findById(communityCode);
        return community == null ? null : districtOfStreet(community.streetCode);
    }

    /**
     * A create: a repeated client id answers its record (another code under that id is a 409), then the fields are
     * checked ({@code fill} throws for a bad parent), then the code must be new.
     */
    private <R extends OrgRecord, V> Saved<V> create(OrgKind kind, UUID clientId, String code,
            List<PersonInput> people, Consumer<R> fill, Function<R, V> view) {
        if (clientId != null) {
            R earlier = byClientId(kind, clientId);
            if (earlier != null) {
                if (!earlier.code.equals(code)) {
                    throw new ConflictException("id " + clientId + " already created " + kind + " " + earlier.code);
                }
                return Saved.existing(view.apply(earlier));
            }
        }
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        List<Person> checked = OrgRules.people(people, errors);
        errors.throwIfAny();
        @SuppressWarnings("unchecked")
        R record = (R) newRecord(kind);
        record.code = code;
        record.clientId = clientId;
        record.people = checked == null ? List.of() : checked;
        fill.accept(record);
        if (entityManager.find(kind.type(), code) != null) {
            throw new ConflictException(kind + " " + code + " already exists");
        }
        Instant now = clock.now();
        record.createdAt = now;
        record.updatedAt = now;
        try {
            record.persistAndFlush();
        } catch (PersistenceException e) {
            // two clients creating the same code (or id) at the same moment: the primary or unique key decides
            throw new ConflictException(kind + " " + code + " (or this id) already exists");
        }
        announce(record, "created");
        return Saved.created(view.apply(record));
    }

    private static OrgRecord newRecord(OrgKind kind) {
        return switch (kind) {
            case UNIT -> new Unit();
            case STREET -> new Street();
            case DISTRICT -> new District();
            case COMMUNITY -> new Community();
            case GRID -> new Grid();
            case BUREAU -> new Bureau();
        };
    }

    @SuppressWarnings("unchecked")
    private <R extends OrgRecord> R byClientId(OrgKind kind, UUID clientId) {
        List<? extends OrgRecord> found = entityManager.createQuery(
                "from " + kind.type().getSimpleName() + " where clientId = :id", kind.type())
                .setParameter("id", clientId).getResultList();
        return found.isEmpty() ? null : (R) found.get(0);
    }

    /**
     * A community's street: {@code streetCode} must name an active street; {@code streetName} alone (the create body
     * before streets were records) links the one street of that name, or is kept as a name only.
     */
    private void placeInStreet(Community community, String streetCode, String streetName) {
        if (streetCode != null && !streetCode.isBlank()) {
            Street street = activeParent(OrgKind.STREET, streetCode.strip(), "streetCode");
            community.streetCode = street.code;
            community.streetName = street.name;
            return;
        }
        if (streetName == null || streetName.isBlank()) {
            throw InvalidFieldsException.of("streetCode", "is required (or streetName)");
        }
        List<Street> named = Street.list("name = ?1 and active = true", streetName.strip());
        community.streetCode = named.size() == 1 ? named.get(0).code : null;
        community.streetName = streetName.strip();
    }

    /** The parent of a record being created or moved: it must exist and be active (else 400 naming the field). */
    @SuppressWarnings("unchecked")
    private <R extends OrgRecord> R activeParent(OrgKind kind, String code, String field) {
        OrgRecord parent = wellFormed(code) ? entityManager.find(kind.type(), code) : null;
        if (parent == null) {
            throw InvalidFieldsException.of(field, "unknown " + kind.name().toLowerCase() + " " + code);
        }
        if (!parent.active) {
            throw InvalidFieldsException.of(field, kind.name().toLowerCase() + " " + code + " is deactivated");
        }
        return (R) parent;
    }

    /** Units (原单位) are the city's shared reference data: every district admin edits them. */
    public OrgView updateUnit(String code, OrgUpdate input) {
        return OrgView.of(update(OrgKind.UNIT, code, input, unit -> { }));
    }

    /**
     * The city edits any district; the admin of a district only the people of its own (a rename or a deactivation
     * is the city's, 403). Not one of its districts: 403.
     */
    public OrgView updateDistrict(String code, OrgUpdate input) {
        if (!caller.isCityAdmin()) {
            if (!caller.coversDistrict(code)) {
                throw new ForbiddenException("District " + code + " is not one of your districts");
            }
            District district = wellFormed(code) ? District.findById(code) : null;
            if (district != null && (!district.name.equals(input.name().strip())
                    || input.active() != null && input.active() != district.active)) {
                throw new ForbiddenException("A district admin changes only the people of its district");
            }
        }
        return OrgView.of(update(OrgKind.DISTRICT, code, input, district -> { }));
    }

    /**
     * A street officer may PUT its own streets, and changes only their people. A district admin edits the streets
     * of its districts and moves them only into its districts. A move does not republish the street's cadres: their
     * next profile event carries the new district, and scopes follow the org tables at once.
     */
    public StreetView updateStreet(String code, OrgUpdate input) {
        if (!caller.isDistrictAdmin()) {
            if (!caller.streetCodes().contains(code)) {
                throw new ForbiddenException("Street " + code + " is not one of your streets");
            }
            Street street = Street.findById(code);
            if (street != null && (!street.name.equals(input.name().strip())
                    || input.active() != null && input.active() != street.active
                    || input.districtCode() != null && !input.districtCode().strip().equals(street.districtCode))) {
                throw new ForbiddenException("A street officer changes only the people of its streets");
            }
        }
        return StreetView.of(update(OrgKind.STREET, code, input, (Street street) -> {
            if (caller.isDistrictAdmin()) {
                requireDistrict(street.districtCode);
            }
            if (input.districtCode() != null && !input.districtCode().strip().equals(street.districtCode)) {
                placeInDistrict(street, input.districtCode(), "districtCode");
                requireDistrict(street.districtCode);
            }
        }));
    }

    public CommunityView updateCommunity(String code, OrgUpdate input) {
        return CommunityView.of(update(OrgKind.COMMUNITY, code, input, (Community community) -> {
            requireDistrict(districtOfStreet(community.streetCode));
            if (input.streetCode() != null && !input.streetCode().strip().equals(community.streetCode)) {
                placeInStreet(community, input.streetCode(), null);
                requireDistrict(districtOfStreet(community.streetCode));
            }
        }));
    }

    public GridView updateGrid(String code, OrgUpdate input) {
        return GridView.of(update(OrgKind.GRID, code, input, (Grid grid) -> {
            requireDistrict(districtOfCommunity(grid.communityCode));
            String target = input.communityCode() == null ? null : input.communityCode().strip();
            if (target != null && !target.equals(grid.communityCode)) {
                activeParent(OrgKind.COMMUNITY, target, "communityCode");
                requireDistrict(districtOfCommunity(target));
                if (repository.activeCadres("grid_code", grid.code) > 0) {
                    throw new ConflictException("Grid " + grid.code + " has active cadres and cannot move to another community");
                }
                grid.communityCode = target;
            }
        }));
    }

    /** The one bureau record is a one-district install's level 3: the city's, not a district-scoped admin's (403). */
    public OrgView updateBureau(OrgUpdate input) {
        if (!caller.scope().districtWide()) {
            throw new ForbiddenException("A district admin edits the people of its district (PUT /org/districts/{code})");
        }
        return OrgView.of(update(OrgKind.BUREAU, bureauRecord().code, input, bureau -> { }));
    }

    /**
     * A PUT: the record locked, its version compared with the one the client read, then the new values checked and
     * applied; a change of nothing keeps the version and publishes nothing.
     */
    private <R extends OrgRecord> R update(OrgKind kind, String code, OrgUpdate input, Consumer<R> parent) {
        @SuppressWarnings("unchecked")
        R record = wellFormed(code) ? (R) entityManager.find(kind.type(), code, LockModeType.PESSIMISTIC_WRITE) : null;
        if (record == null) {
            throw new NotFoundException(kind.label(), code);
        }
        if (input.version() != record.version) {
            throw new ConflictException(kind + " " + code + " is at version " + record.version + ", not "
                    + input.version() + ": read it again and repeat the change");
        }
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        List<Person> people = OrgRules.people(input.people(), errors);
        errors.throwIfAny();
        String before = fingerprint(record);
        record.name = input.name().strip();
        if (people != null) {
            record.people = people;
        }
        parent.accept(record);
        if (input.active() != null && input.active() != record.active) {
            if (input.active()) {
                requireParentActive(record);
            } else {
                refuseDeactivationInUse(record);
            }
            record.active = input.active();
        }
        if (fingerprint(record).equals(before)) {
            return record;
        }
        if (kind == OrgKind.STREET) {
            // communities carry their street's name for the cadre-profiles events and their views
            Community.update("streetName = ?1 where streetCode = ?2", record.name, record.code);
        }
        record.version++;
        record.updatedAt = clock.now();
        announce(record, record.active ? "updated" : "deactivated");
        return record;
    }

    private static String fingerprint(OrgRecord record) {
        return record.name + "|" + record.parentCode() + "|" + record.active + "|" + record.people;
    }

    private void requireParentActive(OrgRecord record) {
        OrgKind parentKind = record.kind().parent();
        if (parentKind != null && record.parentCode() != null) {
            OrgRecord parent = entityManager.find(parentKind.type(), record.parentCode());
            if (parent != null && !parent.active) {
                throw new ConflictException(record.kind() + " " + record.code + " cannot be active under the deactivated "
                        + parentKind + " " + parent.code);
            }
        }
    }

    /**
     * Nothing active may be left pointing at a deactivated record: a unit, community or grid with ACTIVE cadres,
     * a community with active grids, a street with active communities; the bureau is never deactivated.
     */
    private void refuseDeactivationInUse(OrgRecord record) {
        String blocker = switch (record.kind()) {
            case BUREAU -> "it is the district bureau";
            case UNIT -> repository.activeCadres("unit_code", record.code) > 0 ? "it has active cadres" : null;
            case GRID -> repository.activeCadres("grid_code", record.code) > 0 ? "it has active cadres" : null;
            case COMMUNITY -> repository.activeCadres("community_code", record.code) > 0 ? "it has active cadres"
                    : repository.activeGridsOf(record.code) > 0 ? "it has active grids" : null;
            case STREET -> repository.activeCommunitiesOf(record.code) > 0 ? "it has active communities" : null;
            case DISTRICT -> repository.activeStreetsOf(record.code) > 0 ? "it has active streets" : null;
        };
        if (blocker != null) {
            throw new ConflictException(record.kind() + " " + record.code + " cannot be deactivated: " + blocker);
        }
    }

    /**
     * An org import's row: a new code is created, a known one gets the row's name, parent and (when the file has
     * people columns) people; a row that changes nothing publishes nothing. Throws like the REST calls.
     *
     * @return whether the record was created or changed
     */
    public boolean upsert(OrgRow row, String actor) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (row.kind() == OrgKind.BUREAU) {
            errors.add("kind", "the bureau is one record, edited with PUT /org/bureau");
        }
        if (!wellFormed(row.code())) {
            errors.add("code", row.code() == null ? "is required" : OrgDtos.CODE_MESSAGE);
        }
        if (row.name() == null) {
            errors.add("name", "is required");
        } else if (row.name().length() > 200) {
            errors.add("name", "must be at most 200 characters");
        }
        List<Person> people = OrgRules.people(row.people(), errors);
        errors.throwIfAny();
        OrgRecord record = entityManager.find(row.kind().type(), row.code(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = record == null;
        String before = created ? "" : fingerprint(record);
        if (created) {
            record = newRecord(row.kind());
            record.code = row.code();
            record.createdAt = clock.now();
        }
        record.name = row.name();
        if (people != null) {
            record.people = people;
        }
        if (record instanceof Street street && (created || !Objects.equals(row.parentCode(), street.districtCode))) {
            placeInDistrict(street, row.parentCode(), "parentCode");
        } else if (record instanceof Community community && (created || !Objects.equals(row.parentCode(), community.streetCode))) {
            placeInStreet(community, row.parentCode(), null);
        } else if (record instanceof Grid grid && (created || !Objects.equals(row.parentCode(), grid.communityCode))) {
            if (row.parentCode() == null) {
                throw InvalidFieldsException.of("parentCode", "is required for a grid (its community)");
            }
            activeParent(OrgKind.COMMUNITY, row.parentCode(), "parentCode");
            if (!created && repository.activeCadres("grid_code", grid.code) > 0) {
                throw new ConflictException("Grid " + grid.code + " has active cadres and cannot move to another community");
            }
            grid.communityCode = row.parentCode();
        }
        if (!created && fingerprint(record).equals(before)) {
            return false;
        }
        record.updatedAt = clock.now();
        if (created) {
            record.persist();
        } else {
            record.version++;
            if (record instanceof Street) {
                Community.update("streetName = ?1 where streetCode = ?2", record.name, record.code);
            }
        }
        announce(record, created ? "created by import" : "updated by import", actor);
        return true;
    }

    private void announce(OrgRecord record, String what) {
        announce(record, what, caller.username());
    }

    private void announce(OrgRecord record, String what, String actor) {
        outbox.publish(OrgRecordChanged.TOPIC, OrgRecordChanged.keyOf(record), OrgRecordChanged.of(record));
        LOG.infof("%s %s %s, version %d, by %s", record.kind(), record.code, what, record.version, actor);
    }

    /**
     * Whether a code from a path could name an org record at all: one that breaks the pattern (a NUL, which
     * PostgreSQL refuses in text and failed the read with a 500) names none, so it is not looked up.
     */
    public static boolean wellFormed(String code) {
        return code != null && CODE_PATTERN.matcher(code).matches();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgView unit(String code) {
        return OrgView.of(find(OrgKind.UNIT, code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StreetView street(String code) {
        return StreetView.of(find(OrgKind.STREET, code));
    }

    /** Another district than a district-scoped admin's own: 404, as its list does not show it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgView district(String code) {
        if (!seesDistrict(code)) {
            throw new NotFoundException(OrgKind.DISTRICT.label(), code);
        }
        return OrgView.of(find(OrgKind.DISTRICT, code));
    }

    /**
     * The city, a one-district admin and the staff roles see every district (the directory is shared reference
     * data); a district-scoped admin its own only, and one naming none in a city deployment none.
     */
    private boolean seesDistrict(String code) {
        return !caller.isDistrictAdmin() || caller.scope().districtWide() || caller.districtCodes().contains(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommunityView community(String code) {
        return CommunityView.of(find(OrgKind.COMMUNITY, code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GridView grid(String code) {
        return GridView.of(find(OrgKind.GRID, code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgView bureau() {
        return OrgView.of(bureauRecord());
    }

    private Bureau bureauRecord() {
        Bureau bureau = Bureau.find("order by code").firstResult();
        if (bureau == null) {
            throw new NotFoundException("Bureau", "QWLGJ");
        }
        return bureau;
    }

    @SuppressWarnings("unchecked")
    private <R extends OrgRecord> R find(OrgKind kind, String code) {
        OrgRecord record = wellFormed(code) ? entityManager.find(kind.type(), code) : null;
        if (record == null) {
            throw new NotFoundException(kind.label(), code);
        }
        return (R) record;
    }

    /** @param active only active (true) or deactivated (false) records; null for all */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrgView> units(Boolean active, PageRequest page) {
        return ListQuery.of(Unit.class, "u").eq("u.active", active).orderBy("u.code asc").pageEach(page, OrgView::of);
    }

    /** @param districtCode only the streets of this district; null for all */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StreetView> streets(String districtCode, Boolean active, PageRequest page) {
        return ListQuery.of(Street.class, "s").eq("s.districtCode", districtCode).eq("s.active", active)
                .orderBy("s.code asc").pageEach(page, StreetView::of);
    }

    /** Within what the caller sees of districts ({@link #seesDistrict}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrgView> districts(Boolean active, PageRequest page) {
        ListQuery<District> query = ListQuery.of(District.class, "d").eq("d.active", active);
        if (caller.isDistrictAdmin() && !caller.scope().districtWide()) {
            query.where("d.code in :districts", Map.of("districts", List.copyOf(caller.districtCodes())));
        }
        return query.orderBy("d.code asc").pageEach(page, OrgView::of);
    }

    /** @param streetCode only the communities of this street; null for all */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommunityView> communities(String streetCode, Boolean active, PageRequest page) {
        return ListQuery.of(Community.class, "c").eq("c.streetCode", streetCode).eq("c.active", active)
                .orderBy("c.code asc").pageEach(page, CommunityView::of);
    }

    /** @param communityCode only the grids of this community; null for all */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GridView> grids(String communityCode, Boolean active, PageRequest page) {
        return ListQuery.of(Grid.class, "g").eq("g.communityCode", communityCode).eq("g.active", active)
                .orderBy("g.code asc").pageEach(page, GridView::of);
    }

    /** Whether a district record of this code exists (active or not), for filters that name one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isDistrict(String code) {
        return wellFormed(code) && District.findById(code) != null;
    }

    /** The community a grid belongs to, null for an unknown grid (for list filters against a scope). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String communityOfGrid(String gridCode) {
        Grid grid = wellFormed(gridCode) ? Grid.findById(gridCode) : null;
        return grid == null ? null : grid.communityCode;
    }

    /** Names of communities by code, for reports that show names (the roster). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> communityNames() {
        Map<String, String> names = new HashMap<>();
        Community.<Community>listAll().forEach(community -> names.put(community.code, community.name));
        return names;
    }

    /** Active records validate cadres; every community (active or not) still names its street for their events. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgDirectory directory() {
        Map<String, String> units = new HashMap<>();
        Map<String, String> communities = new HashMap<>();
        Map<String, String> grids = new HashMap<>();
        Map<String, OrgDirectory.StreetOf> streets = new HashMap<>();
        Map<String, String> districtOfStreet = new HashMap<>();
        Street.<Street>listAll().forEach(street -> districtOfStreet.put(street.code, street.districtCode));
        Unit.<Unit>list("active", true).forEach(unit -> units.put(unit.code, unit.name));
        Community.<Community>listAll().forEach(community -> {
            streets.put(community.code, new OrgDirectory.StreetOf(community.streetCode, community.streetName,
                    community.streetCode == null ? null : districtOfStreet.get(community.streetCode)));
            if (community.active) {
                communities.put(community.code, community.name);
            }
        });
        Grid.<Grid>list("active", true).forEach(grid -> grids.put(grid.code, grid.communityCode));
        return new OrgDirectory(units, communities, grids, streets);
    }
}
