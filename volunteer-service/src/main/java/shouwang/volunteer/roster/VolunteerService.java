package shouwang.volunteer.roster;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.volunteer.Rows;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreRef;

/** Finds or registers the volunteer a request names, and decides who may see a volunteer. */
@ApplicationScoped
@Transactional
public class VolunteerService {

    private static final Logger LOG = Logger.getLogger(VolunteerService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    VolunteerRepository repository;

    @Inject
    CadreDirectory cadres;

    @Inject
    CallerScope callerScope;

    @Inject
    Clock clock;

    /**
     * The volunteer named by {@code ref} (field names prefixed by {@code prefix} in errors), registered on first
     * mention with {@code homeCommunity}. A caller of role volunteer naming nobody means themselves, and naming
     * someone links that person to their login (once; another login's volunteer is a 403), only inside the
     * communities of its token ({@link #requireMayLink}).
     */
    public Volunteer resolve(String prefix, VolunteerRef ref, String homeCommunity) {
        return resolve(prefix, ref, homeCommunity, null);
    }

    /**
     * Registers (or finds) with a client-chosen id, for POST /volunteers: 200 when that id exists already. The
     * registration, new or found, must be at home in the caller's communities (staff: theirs; a volunteer: its
     * token's), so nobody registers people elsewhere or learns who a phone number belongs to there (403).
     */
    public Saved<VolunteerView> register(UUID id, VolunteerRef ref, String homeCommunity) {
        Volunteer existing = Rows.repeated(Volunteer.class, id);
        if (existing != null) {
            requireVisible(existing);
            return Saved.existing(VolunteerView.of(existing));
        }
        if (ref.cadreId() == null) {
            if (homeCommunity == null) {
                throw InvalidFieldsException.of("communityCode",
                        "is required for a resident (a cadre's community comes from the profile)");
            }
            callerScope.requireCommunity(homeCommunity);
        }
        Volunteer volunteer = resolve("", ref, homeCommunity, id);
        // the row may be older than this call (same cadre, same phone): it is rolled back with the 403, never shown
        callerScope.requireCommunity(volunteer.communityCode);
        return Saved.created(VolunteerView.of(volunteer));
    }

    private Volunteer resolve(String prefix, VolunteerRef ref, String homeCommunity, UUID newId) {
        Volunteer volunteer = findOrCreate(prefix, ref, homeCommunity, newId);
        if (isSelfService() && !isOwn(volunteer)) {
            requireMayLink(ref, volunteer);
            linkAccount(volunteer);
        }
        return volunteer;
    }

    /**
     * A volunteer links its login only to a registration it names as itself (by cadre, or by name and phone, not
     * by another's volunteer id, which team pages show) and which is at home in a community of its token; a token
     * without community codes signs up nowhere. Anything else is a 403 (the row a first mention made is rolled back).
     */
    private void requireMayLink(VolunteerRef ref, Volunteer volunteer) {
        if (ref.volunteerId() != null) {
            throw new ForbiddenException("Volunteer " + volunteer.id + " is not yours: name yourself by cadreId, "
                    + "or volunteerName and phone");
        }
        if (!callerScope.scope().coversCommunity(volunteer.communityCode)) {
            throw new ForbiddenException("You may sign up only in a community of your login "
                    + callerScope.scope().communityCodes());
        }
    }

    private Volunteer findOrCreate(String prefix, VolunteerRef ref, String homeCommunity, UUID newId) {
        if (ref == null || ref.isEmpty()) {
            if (isSelfService()) {
                return me().orElseThrow(() -> InvalidFieldsException.of(prefix + "volunteerName",
                        "name yourself (cadreId, or volunteerName and phone) the first time you sign up"));
            }
            throw InvalidFieldsException.of(prefix + "volunteerName",
                    "name the volunteer: volunteerId, cadreId, or volunteerName and phone");
        }
        if (ref.volunteerId() != null) {
            Volunteer volunteer = Volunteer.findById(ref.volunteerId());
            if (volunteer == null) {
                throw InvalidFieldsException.of(prefix + "volunteerId", "is not a known volunteer");
            }
            return volunteer;
        }
        if (ref.cadreId() != null) {
            CadreRef cadre = cadres.requireActive(prefix + "cadreId", ref.cadreId());
            insertIfAbsent(newId, cadre);
            return Volunteer.find("cadreId", cadre.id).singleResult();
        }
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        if (VolunteerRef.blank(ref.volunteerName())) {
            problems.add(prefix + "volunteerName", "is required for a volunteer who is not a registered cadre");
        }
        if (VolunteerRef.blank(ref.phone())) {
            problems.add(prefix + "phone", "is required for a volunteer who is not a registered cadre");
        }
        problems.throwIfAny();
        String phone = ref.phone().trim();
        insertIfAbsent(newId, null, ref.volunteerName().trim(), phone, homeCommunity);
        return Volunteer.find("cadreId is null and phone = ?1", phone).singleResult();
    }

    private void insertIfAbsent(UUID id, CadreRef cadre) {
        insertIfAbsent(id, cadre.id, cadre.name == null ? "" : cadre.name, cadre.phone,
                cadre.placement().communityCode);
    }

    private void insertIfAbsent(UUID id, UUID cadreId, String name, String phone, String communityCode) {
        UUID newId = id == null ? UUID.randomUUID() : id;
        if (repository.insertIfAbsent(newId, cadreId, name, phone, communityCode, clock.now())) {
            LOG.infof("Volunteer %s registered (cadre %s, community %s)", newId, cadreId, communityCode);
        }
    }

    /**
     * A volunteer acting for themselves: role volunteer and no staff role. Scope claims a volunteer's token may carry
     * (visit-service lets volunteers log NEIGHBOUR visits in their scope) give no staff powers here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isSelfService() {
        return callerScope.hasRole(Roles.VOLUNTEER) && !callerScope.hasRole(Roles.DISTRICT_ADMIN)
                && !callerScope.hasRole(Roles.COMMUNITY_WORKER) && !callerScope.hasRole(Roles.GRID_WORKER)
                && !callerScope.hasRole(Roles.UNIT_LIAISON);
    }

    /** Staff (not a volunteer acting for themselves) whose scope covers this placement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean staffCovers(String communityCode, String gridCode, String unitCode) {
        return !isSelfService() && callerScope.scope().covers(communityCode, gridCode, unitCode);
    }

    private void linkAccount(Volunteer volunteer) {
        String account = callerScope.username();
        if (account.equals(volunteer.account)) {
            return;
        }
        if (volunteer.account != null) {
            throw new ForbiddenException("This volunteer is another person's account");
        }
        if (Volunteer.count("account", account) > 0) {
            throw new ForbiddenException("Your login is already linked to another volunteer");
        }
        volunteer.account = account;
        volunteer.updatedAt = clock.now();
        LOG.infof("Volunteer %s linked to a volunteer login", volunteer.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Volunteer> me() {
        return Volunteer.find("account", callerScope.username()).firstResultOptional();
    }

    /** A volunteer read: district admin, staff whose communities include the volunteer's home, or the person. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Volunteer visible(UUID id) {
        Volunteer volunteer = Rows.require(Volunteer.class, "Volunteer", id);
        requireVisible(volunteer);
        return volunteer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOwn(Volunteer volunteer) {
        return volunteer.account != null && volunteer.account.equals(callerScope.username());
    }

    void requireVisible(Volunteer volunteer) {
        if (!isOwn(volunteer) && !staffCovers(volunteer.communityCode, null, null)) {
            throw new NotFoundException("Volunteer", volunteer.id);
        }
    }

    /**
     * Locks the volunteer row and re-reads it: every balance change goes through here, so concurrent spends cannot
     * overdraw. (A plain locking find would keep the stale state of an instance this transaction already loaded.)
     */
    public Volunteer lock(UUID id) {
        Volunteer volunteer = Rows.require(Volunteer.class, "Volunteer", id);
        entityManager.refresh(volunteer, LockModeType.PESSIMISTIC_WRITE);
        return volunteer;
    }

    /** The time bank account of an elder (who may never volunteer): the cadre's volunteer row, made if missing. */
    public Volunteer accountOf(CadreRef cadre) {
        insertIfAbsent(null, cadre);
        return Volunteer.find("cadreId", cadre.id).singleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VolunteerView> list(String communityCode, String q, PageRequest page) {
        callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
        return ListQuery.of(Volunteer.class, "v")
                .eq("v.communityCode", communityCode)
                .where("lower(v.name) like :value", q == null ? null : "%" + q.toLowerCase() + "%")
                .inScope(StaffScope.communitiesOf(callerScope.scope()), "v")
                .orderBy("v.createdAt asc, v.id asc")
                .pageEach(page, VolunteerView::of);
    }

    /** A list of rows naming a volunteer, for a volunteer acting for themselves: their own (none before sign-up). */
    public <E> ListQuery<E> onlyOwn(ListQuery<E> query, String volunteerPath) {
        return query.where(volunteerPath + " in (select v.id from Volunteer v where v.account = :value)",
                callerScope.username());
    }

    /**
     * Rows that each name a volunteer (claims, records, pairings) as views with that volunteer, the volunteers of a
     * page loaded in one query.
     */
    public static <R, V> List<V> withVolunteers(List<R> rows, Function<R, UUID> volunteerOf,
            BiFunction<R, Volunteer, V> view) {
        Map<UUID, Volunteer> byId = byId(rows.stream().map(volunteerOf).toList());
        return rows.stream().map(row -> view.apply(row, byId.get(volunteerOf.apply(row)))).toList();
    }

    private static Map<UUID, Volunteer> byId(Collection<UUID> ids) {
        Map<UUID, Volunteer> volunteers = new HashMap<>();
        if (!ids.isEmpty()) {
            Volunteer.<Volunteer>list("id in ?1", Set.copyOf(ids)).forEach(v -> volunteers.put(v.id, v));
        }
        return volunteers;
    }
}
