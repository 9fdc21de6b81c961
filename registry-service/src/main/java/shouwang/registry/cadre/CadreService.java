package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.CadreDtos.CadreView;
import shouwang.registry.cadre.CadreDtos.DeathInput;
import shouwang.registry.cadre.CadreDtos.HouseholdInput;
import shouwang.registry.cadre.CadreDtos.MoveInput;
import shouwang.registry.cadre.CadreDtos.PartyBranchInput;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.history.FieldChange;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;

/**
 * Every change of a cadre: checked, applied, recorded in the history and announced on cadre-profiles with the full
 * profile, all in one transaction. A change that changes nothing is answered with the cadre, without a new version.
 */
@ApplicationScoped
@Transactional
public class CadreService {

    private static final Logger LOG = Logger.getLogger(CadreService.class);
    /** 两老同住, or a few more (a couple with a sibling): more than this in one home is a data-entry mistake. */
    static final int MAX_HOUSEHOLD = 4;

    @Inject
    OrgService org;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    CallerScope caller;

    @Inject
    ProfileEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    CadreRepository cadres;

    @Inject
    Clock clock;

    @Inject
    PartyBranches branches;

    /** A body that passed every rule, with the blind index of its ID card number. */
    private record Checked(CadreInput valid, String index) {
    }

    public Saved<CadreView> create(CadreInput input) {
        if (input.id() != null) {
            Cadre existing = Cadre.findById(input.id());
            if (existing != null) {
                caller.requireVisible("Cadre", existing.id, existing.placement);
                return Saved.existing(show(existing, "POST /cadres (repeat)"));
            }
        }
        OrgDirectory directory = org.directory();
        Checked checked = check(input, directory, null);
        Cadre cadre = newCadre(input.id() != null ? input.id() : UUID.randomUUID(), checked.valid(), checked.index(),
                idNumbers, clock.now());
        try {
            cadre.persistAndFlush();
        } catch (PersistenceException e) {
            // two clerks registering the same person at the same moment: the unique blind index decides
            throw new ConflictException("A cadre with this ID card number or id is already registered");
        }
        audit.changed(cadre.id, cadre.version, AuditTrail.CREATED, caller.username(), null, CadreMapper.created(cadre));
        events.publish(cadre, CadreRegistered::new, directory);
        LOG.infof("Cadre %s registered in community %s by %s", cadre.id, cadre.placement.communityCode,
                caller.username());
        return Saved.created(show(cadre, "POST /cadres"));
    }

    public CadreView update(UUID id, CadreInput input) {
        Cadre cadre = lockForChange(id);
        OrgDirectory directory = org.directory();
        Checked checked = check(input, directory, cadre.idNumberIndex);
        Map<String, Object> before = CadreMapper.auditFields(cadre);
        revise(cadre, checked.valid(), checked.index(), idNumbers);
        if (!cadre.partyMember) {
            cadre.partyBranchCode = null; // no longer a party member: no longer in a branch
        }
        return commit(cadre, before, AuditTrail.UPDATED, CadreUpdated::new, directory, "PUT /cadres/{id}");
    }

    public CadreView assignContacts(UUID id, List<Contact> input) {
        if (input == null) {
            throw InvalidFieldsException.of("body", "must be a list of contacts");
        }
        Cadre cadre = lockForChange(id);
        OrgDirectory directory = org.directory();
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        List<Contact> contacts = CadreRules.contacts(input, cadre.placement.unitCode, cadre.placement.communityCode,
                cadre.placement.gridCode, directory, errors);
        errors.throwIfAny();
        Map<String, Object> before = CadreMapper.auditFields(cadre);
        cadre.contacts = List.copyOf(contacts);
        cadre.refreshDerived();
        return commit(cadre, before, AuditTrail.CONTACTS_ASSIGNED, ContactsAssigned::new, directory,
                "PUT /cadres/{id}/contacts");
    }

    /** Moving house keeps the unit; COMMUNITY, GRID and NEIGHBOUR contacts of the old home are cleared. */
    public CadreView move(UUID id, MoveInput input) {
        if (input == null) {
            throw InvalidFieldsException.of("body", "is required");
        }
        Cadre cadre = lockForChange(id);
        OrgDirectory directory = org.directory();
        LocalDate today = clock.today();
        LocalDate movedOn = input.movedOn() != null ? input.movedOn() : today;
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (movedOn.isAfter(today)) {
            errors.add("movedOn", "must not be in the future");
        } else if (movedOn.isBefore(cadre.birthDate)) {
            errors.add("movedOn", "must not be before the birth date");
        }
        String address = CadreRules.trim(input.address());
        if (address != null && address.length() > 300) {
            errors.add("address", "must be at most 300 characters");
        }
        Map<String, Object> before = CadreMapper.auditFields(cadre);
        if (Boolean.TRUE.equals(input.leavesDistrict())) {
            errors.throwIfAny();
            if (cadre.status == CadreStatus.MOVED_AWAY) {
                return show(cadre, "POST /cadres/{id}/moves (repeat)");
            }
            if (cadre.status != CadreStatus.ACTIVE) {
                throw new ConflictException("Cadre " + id + " is " + cadre.status + " and cannot move away");
            }
            cadre.status = CadreStatus.MOVED_AWAY;
            cadre.movedAwayOn = movedOn;
            if (address != null) {
                cadre.address = address;
            }
            return commit(cadre, before, AuditTrail.MOVED_AWAY, CadreMovedAway::new, directory,
                    "POST /cadres/{id}/moves");
        }
        String communityCode = CadreRules.trim(input.communityCode());
        String gridCode = CadreRules.trim(input.gridCode());
        CadreRules.checkPlacement(communityCode, gridCode, directory, errors);
        errors.throwIfAny();
        if (cadre.status != CadreStatus.ACTIVE) {
            throw new ConflictException("Cadre " + id + " is " + cadre.status + "; only an active cadre moves house");
        }
        cadre.contacts = contactsStillValid(cadre.contacts, cadre.placement.communityCode, cadre.placement.gridCode,
                communityCode, gridCode);
        cadre.placement.communityCode = communityCode;
        cadre.placement.gridCode = gridCode;
        if (address != null) {
            cadre.address = address;
        }
        cadre.refreshDerived();
        return commit(cadre, before, AuditTrail.MOVED, CadreUpdated::new, directory, "POST /cadres/{id}/moves");
    }

    /**
     * Puts a party member into a branch the caller checked exists ({@code branchCode} null: out of any branch).
     * Party membership is the registry's fact: a cadre who is not a party member belongs to no branch.
     */
    public CadreView assignPartyBranch(UUID id, PartyBranchInput input) {
        if (input == null) {
            throw InvalidFieldsException.of("body", "is required: {\"branchCode\": ..} (null takes the cadre out)");
        }
        String branchCode = CadreRules.trim(input.branchCode());
        Cadre cadre = lockForChange(id);
        if (branchCode != null && !branches.exists(branchCode)) {
            throw InvalidFieldsException.of("branchCode", "no party branch " + branchCode);
        }
        if (branchCode != null && !cadre.partyMember) {
            throw InvalidFieldsException.of("branchCode", "the cadre is not a party member (partyMember is false)");
        }
        Map<String, Object> before = CadreMapper.auditFields(cadre);
        cadre.partyBranchCode = branchCode;
        return commit(cadre, before, AuditTrail.UPDATED, CadreUpdated::new, org.directory(),
                "PUT /cadres/{id}/party-branch");
    }

    /**
     * Links two cadres who live together (两老同住): the other's household if it has one, else a new one. Both must
     * live in the same community and be visible to the caller; every member's profile is announced again.
     */
    public CadreView linkHousehold(UUID id, HouseholdInput input) {
        if (input == null || input.withCadreId() == null) {
            throw InvalidFieldsException.of("withCadreId", "is required");
        }
        if (input.withCadreId().equals(id)) {
            throw InvalidFieldsException.of("withCadreId", "must be another cadre");
        }
        // lock in id order, so two clerks linking the same pair the other way round cannot deadlock
        UUID first = id.compareTo(input.withCadreId()) < 0 ? id : input.withCadreId();
        Cadre a = lockForChange(first);
        Cadre b = lockForChange(first.equals(id) ? input.withCadreId() : id);
        Cadre cadre = a.id.equals(id) ? a : b;
        Cadre other = cadre == a ? b : a;
        if (!Objects.equals(cadre.placement.communityCode, other.placement.communityCode)) {
            throw InvalidFieldsException.of("withCadreId", "lives in another community ("
                    + other.placement.communityCode + "); a household lives in one home");
        }
        if (cadre.householdId != null && cadre.householdId.equals(other.householdId)) {
            return show(cadre, "PUT /cadres/{id}/household (repeat)");
        }
        UUID household = other.householdId != null ? other.householdId
                : cadre.householdId != null ? cadre.householdId : UUID.randomUUID();
        List<Cadre> members = new ArrayList<>(cadres.household(household));
        if (cadre.householdId != null && !cadre.householdId.equals(household)) {
            leave(cadre);
        }
        for (Cadre joining : List.of(cadre, other)) {
            if (members.stream().noneMatch(member -> member.id.equals(joining.id))) {
                members.add(joining);
            }
        }
        if (members.size() > MAX_HOUSEHOLD) {
            throw InvalidFieldsException.of("withCadreId", "the household already has " + (members.size() - 1)
                    + " members (at most " + MAX_HOUSEHOLD + ")");
        }
        settle(household, members, "PUT /cadres/{id}/household");
        LOG.infof("Household %s: cadres %s, by %s", household, members.stream().map(m -> m.id).toList(),
                caller.username());
        return show(cadre, "PUT /cadres/{id}/household");
    }

    /** Takes the cadre out of its household; a household left with one member is no household any more. */
    public CadreView leaveHousehold(UUID id) {
        Cadre cadre = lockForChange(id);
        if (cadre.householdId == null) {
            return show(cadre, "DELETE /cadres/{id}/household (repeat)");
        }
        UUID household = cadre.householdId;
        leave(cadre);
        LOG.infof("Cadre %s left household %s, by %s", cadre.id, household, caller.username());
        return show(cadre, "DELETE /cadres/{id}/household");
    }

    /** The cadre out of its household, the rest (if more than one) kept together; every change announced. */
    private void leave(Cadre cadre) {
        UUID household = cadre.householdId;
        List<Cadre> rest = cadres.household(household).stream().filter(member -> !member.id.equals(cadre.id))
                .toList();
        settle(null, List.of(cadre), "household left");
        settle(rest.size() > 1 ? household : null, rest, "household left");
    }

    /** Gives every member the household and the others' ids, committing (and announcing) each that changed. */
    private void settle(UUID household, List<Cadre> members, String source) {
        OrgDirectory directory = org.directory();
        for (Cadre member : members) {
            Map<String, Object> before = CadreMapper.auditFields(member);
            member.householdId = household;
            member.householdMemberIds = household == null ? List.of()
                    : members.stream().map(m -> m.id).filter(memberId -> !memberId.equals(member.id)).sorted()
                            .toList();
            commit(member, before, AuditTrail.UPDATED, CadreUpdated::new, directory, source);
        }
    }

    public CadreView death(UUID id, DeathInput input) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (input == null || input.diedOn() == null) {
            errors.add("diedOn", "is required");
        } else if (input.diedOn().isAfter(clock.today())) {
            errors.add("diedOn", "must not be in the future");
        }
        errors.throwIfAny();
        Cadre cadre = lockForChange(id);
        if (input.diedOn().isBefore(cadre.birthDate)) {
            throw InvalidFieldsException.of("diedOn", "must not be before the birth date");
        }
        Map<String, Object> before = CadreMapper.auditFields(cadre);
        cadre.status = CadreStatus.DECEASED;
        cadre.deceasedOn = input.diedOn();
        return commit(cadre, before, AuditTrail.DECEASED, CadreDeceased::new, org.directory(),
                "POST /cadres/{id}/death");
    }

    public CadreView get(UUID id) {
        Cadre cadre = Cadre.findById(id);
        if (cadre == null) {
            throw new NotFoundException("Cadre", id);
        }
        caller.requireVisible("Cadre", id, cadre.placement);
        return show(cadre, "GET /cadres/{id}");
    }

    /** A caller without any scope gets an empty page: its scope condition matches no cadre. */
    public Page<CadreView> search(CadreSearch search, PageRequest page) {
        LocalDate today = clock.today();
        Page<CadreView> found = cadres.readOnly(() -> search.query(caller.scope(), today).page(page, list -> {
            List<CadreView> views = new ArrayList<>(list.size());
            for (Cadre cadre : list) {
                views.add(CadreMapper.view(cadre, plainIdNumber(cadre), today));
            }
            return views;
        }));
        if (caller.isDistrictAdmin() && !found.items().isEmpty()) {
            audit.idNumbersViewed(found.items().stream().map(CadreView::id).toList(), caller.username(), "GET /cadres");
        }
        return found;
    }

    /** The number's blind index under every configured key version (a cadre not yet re-encrypted has an old one). */
    public List<String> blindIndexes(String idNumber) {
        return idNumbers.blindIndexes(idNumber);
    }

    /**
     * Every rule of a registration or correction, then the caller's scope over the new placement, then the ID card
     * number's uniqueness (unless it is the cadre's own, {@code currentIndex}).
     */
    private Checked check(CadreInput input, OrgDirectory directory, String currentIndex) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        CadreInput valid = CadreRules.validate(input, directory, clock.today(), errors);
        errors.throwIfAny();
        caller.requireCadre(valid.placement());
        List<String> indexes = idNumbers.blindIndexes(valid.idNumber());
        if (!indexes.contains(currentIndex)) {
            Cadre same = cadres.byIdNumberIndex(indexes);
            if (same != null) {
                throw new ConflictException("A cadre with this ID card number is already registered: " + same.id);
            }
        }
        // the current version's index: a cadre still under an old key version is re-encrypted by the change
        return new Checked(valid, indexes.get(0));
    }

    private Cadre lockForChange(UUID id) {
        Cadre cadre = Cadre.lockById(id);
        if (cadre == null) {
            throw new NotFoundException("Cadre", id);
        }
        caller.requireCadre(cadre.placement);
        return cadre;
    }

    private CadreView commit(Cadre cadre, Map<String, Object> before, String action,
            Function<CadreProfile, ProfileEvent> event, OrgDirectory directory, String source) {
        Map<String, FieldChange> changes = CadreMapper.diff(before, CadreMapper.auditFields(cadre));
        if (changes.isEmpty()) {
            return show(cadre, source);
        }
        cadre.version++;
        cadre.updatedAt = clock.now();
        audit.changed(cadre.id, cadre.version, action, caller.username(), null, changes);
        events.publish(cadre, event, directory);
        LOG.infof("Cadre %s %s, version %d, fields %s, by %s", cadre.id, action, cadre.version, changes.keySet(),
                caller.username());
        return show(cadre, source);
    }

    /** A new ACTIVE cadre at version 1 from a validated input. */
    public static Cadre newCadre(UUID id, CadreInput valid, String index, IdNumberProtector idNumbers, Instant now) {
        Cadre cadre = new Cadre();
        cadre.id = id;
        cadre.version = 1;
        cadre.status = CadreStatus.ACTIVE;
        cadre.createdAt = now;
        cadre.updatedAt = now;
        apply(cadre, valid, index, idNumbers);
        return cadre;
    }

    /**
     * A correction of the profile (PUT, re-import). When the input leaves contacts out, those of a home the cadre
     * no longer lives in are dropped. The caller bumps the version if anything changed.
     */
    public static void revise(Cadre cadre, CadreInput valid, String index, IdNumberProtector idNumbers) {
        String oldCommunity = cadre.placement.communityCode;
        String oldGrid = cadre.placement.gridCode;
        apply(cadre, valid, index, idNumbers);
        if (valid.contacts() == null) {
            cadre.contacts = contactsStillValid(cadre.contacts, oldCommunity, oldGrid, cadre.placement.communityCode,
                    cadre.placement.gridCode);
            cadre.refreshDerived();
        }
    }

    /** Applies a validated input; contacts and family contacts stay as they are when the input leaves them out. */
    private static void apply(Cadre cadre, CadreInput valid, String index, IdNumberProtector idNumbers) {
        if (!index.equals(cadre.idNumberIndex)) {
            cadre.idNumberIndex = index;
            cadre.idNumberCipher = idNumbers.encrypt(valid.idNumber());
            cadre.idNumberMasked = IdNumbers.mask(valid.idNumber());
        }
        cadre.name = valid.name();
        cadre.gender = valid.gender();
        cadre.birthDate = valid.birthDate();
        cadre.retirementType = valid.retirementType();
        cadre.rank = valid.rank();
        cadre.partyMember = Boolean.TRUE.equals(valid.partyMember());
        cadre.placement = valid.placement();
        cadre.livingArrangement = valid.livingArrangement();
        cadre.selfCare = valid.selfCare();
        cadre.specialCategories = valid.specialCategories() == null || valid.specialCategories().isEmpty()
                ? EnumSet.noneOf(Codes.SpecialCategory.class) : EnumSet.copyOf(valid.specialCategories());
        cadre.phone = valid.phone();
        cadre.address = valid.address();
        cadre.notes = valid.notes();
        if (valid.familyContacts() != null) {
            cadre.familyContacts = List.copyOf(valid.familyContacts());
        }
        if (valid.contacts() != null) {
            cadre.contacts = List.copyOf(valid.contacts());
        }
        cadre.refreshDerived();
    }

    /** Contacts tied to a home the cadre has left no longer apply: community ones, and grid and neighbour ones. */
    static List<Contact> contactsStillValid(List<Contact> contacts, String oldCommunity, String oldGrid,
            String newCommunity, String newGrid) {
        boolean communityChanged = !Objects.equals(oldCommunity, newCommunity);
        boolean gridChanged = communityChanged || !Objects.equals(oldGrid, newGrid);
        return contacts.stream()
                .filter(contact -> !(communityChanged && contact.layer() == ContactLayer.COMMUNITY))
                .filter(contact -> !(gridChanged && (contact.layer() == ContactLayer.GRID
                        || contact.layer() == ContactLayer.NEIGHBOUR)))
                .toList();
    }

    private CadreView show(Cadre cadre, String source) {
        String plain = plainIdNumber(cadre);
        if (plain != null) {
            audit.idNumbersViewed(List.of(cadre.id), caller.username(), source);
        }
        return CadreMapper.view(cadre, plain, clock.today());
    }

    private String plainIdNumber(Cadre cadre) {
        return caller.isDistrictAdmin() ? idNumbers.decrypt(cadre.idNumberCipher) : null;
    }
}
