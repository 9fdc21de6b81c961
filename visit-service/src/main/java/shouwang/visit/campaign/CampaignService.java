package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Topics;
import shouwang.visit.Worklist;
import shouwang.visit.VisitConfig;
import shouwang.visit.campaign.CampaignCoverageDto.Pending;
import shouwang.visit.campaign.CampaignCoverageDto.Progress;
import shouwang.visit.logbook.VisitRecorded;
import shouwang.visit.policy.Policies;
import shouwang.visit.policy.PolicyService;
import shouwang.visit.readmodel.Cadre;
import shouwang.visit.readmodel.CadreChanged;
import shouwang.visit.readmodel.ProfilesApplied;
import shouwang.visit.readmodel.ReadModelService;

/** Emergency daily check-ins (战时) and greeting rounds (春节, 重阳节, 80+ birthdays). */
@ApplicationScoped
@Transactional
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);
    private static final int MAX_EMERGENCY_DAYS = 366;

    @Inject
    EntityManager em;

    @Inject
    CampaignRepository repository;

    @Inject
    ReadModelService readModel;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    @Inject
    Tombstones tombstones;

    @Inject
    shouwang.kit.outbox.Outbox outbox;

    @Inject
    shouwang.visit.org.OrgService orgs;

    @Inject
    PolicyService policies;

    static final String TOMBSTONE_KIND = "campaign-task";

    /**
     * Creates the campaign (or returns the one with the same client id) and generates its greeting tasks.
     *
     * @param creatorDistricts the creator's districts (its token's {@code district_codes}; empty for the city admin)
     */
    public Saved<CampaignDto> create(CampaignRequest request, List<String> communities, Set<String> creatorDistricts,
            String username) {
        if (request.id() != null) {
            Campaign existing = em.find(Campaign.class, request.id());
            if (existing != null) {
                return Saved.existing(toDto(existing));
            }
        }
        Campaign campaign = new Campaign();
        campaign.id = request.id() != null ? request.id() : UUID.randomUUID();
        campaign.type = request.type();
        campaign.communityCodes = String.join(",", communities);
        campaign.createdBy = username;
        campaign.createdAt = clock.now();
        campaign.districtCode = districtOf(communities, creatorDistricts);
        InvalidFieldsException.Collector invalid = new InvalidFieldsException.Collector();
        LocalDate today = clock.today();
        switch (request.type()) {
            case EMERGENCY_DAILY -> {
                if (request.startOn() == null) {
                    invalid.add("startOn", "is required for EMERGENCY_DAILY");
                }
                if (request.endOn() == null) {
                    invalid.add("endOn", "is required for EMERGENCY_DAILY");
                }
                campaign.startOn = request.startOn();
                campaign.endOn = request.endOn();
                campaign.layers = "";
                campaign.cutOff = request.cutOff();
            }
            case SPRING_FESTIVAL, DOUBLE_NINTH -> {
                LocalDate day = request.year() != null ? FestivalCalendar.of(request.type(), request.year())
                        : FestivalCalendar.next(request.type(), today);
                campaign.startOn = day;
                campaign.endOn = day;
                campaign.layers = layers(request, List.of(Layer.COMMUNITY, Layer.UNIT));
            }
            case BIRTHDAY_80 -> {
                int year = request.year() != null ? request.year() : today.getYear();
                campaign.startOn = request.startOn() != null ? request.startOn()
                        : request.year() != null ? LocalDate.of(year, 1, 1) : today;
                campaign.endOn = request.endOn() != null ? request.endOn() : LocalDate.of(year, 12, 31);
                campaign.layers = layers(request, List.of(Layer.COMMUNITY));
            }
        }
        if (campaign.startOn != null && campaign.endOn != null) {
            if (campaign.endOn.isBefore(campaign.startOn)) {
                invalid.add("endOn", "must not be before startOn");
            } else if (campaign.startOn.plusDays(MAX_EMERGENCY_DAYS).isBefore(campaign.endOn)) {
                invalid.add("endOn", "a campaign spans at most " + MAX_EMERGENCY_DAYS + " days");
            }
        }
        if (request.cutOff() != null && request.type() != CampaignType.EMERGENCY_DAILY) {
            invalid.add("cutOff", "is only for EMERGENCY_DAILY");
        }
        invalid.throwIfAny();
        campaign.name = request.name() != null && !request.name().isBlank() ? request.name()
                : defaultName(campaign);
        em.persist(campaign);
        em.flush();
        int tasks = 0;
        if (campaign.type.isGreetingRound()) {
            tasks = generateTasks(campaign, request.leadDays() != null ? request.leadDays() : leadDaysOf(campaign));
        }
        LOG.infof("Campaign %s (%s) of district %s created by %s: %s to %s, %d greeting tasks", campaign.id,
                campaign.type, campaign.districtCode, username, campaign.startOn, campaign.endOn, tasks);
        return Saved.created(toDto(campaign));
    }

    /**
     * The district a new campaign belongs to: its creator's, when the creator runs one district; else the one
     * district all its communities lie in; else none (a city-wide campaign, or one across districts), whose defaults
     * are the city's.
     */
    String districtOf(List<String> communities, Set<String> creatorDistricts) {
        if (creatorDistricts.size() == 1) {
            return creatorDistricts.iterator().next();
        }
        if (communities.isEmpty()) {
            return null;
        }
        Map<String, String> districts = orgs.districtsOfCommunities();
        Set<String> lyingIn = new HashSet<>();
        communities.forEach(community -> lyingIn.add(districts.get(community)));
        return lyingIn.size() == 1 ? lyingIn.iterator().next() : null;
    }

    /** Greeting lead days of the campaign's district, as its visit policy says now. */
    private int leadDaysOf(Campaign campaign) {
        return policies.current(campaign.districtCode).campaigns().greetingLeadDays();
    }

    private static String layers(CampaignRequest request, List<Layer> defaults) {
        List<Layer> layers = request.layers() == null || request.layers().isEmpty() ? defaults : request.layers();
        return String.join(",", layers.stream().distinct().map(Layer::name).toList());
    }

    private static String defaultName(Campaign c) {
        return switch (c.type) {
            case EMERGENCY_DAILY -> "战时每日联系 " + c.startOn + "~" + c.endOn;
            case SPRING_FESTIVAL -> c.startOn.getYear() + "年春节走访慰问";
            case DOUBLE_NINTH -> c.startOn.getYear() + "年重阳节走访慰问";
            case BIRTHDAY_80 -> "80岁以上老干部生日慰问 " + c.startOn + "~" + c.endOn;
        };
    }

    /**
     * One task per active cadre in the campaign's communities and greeting layer, due on the festival (or the cadre's
     * birthday), open from {@code leadDays} before. Repeating it adds only what is missing (new cadres).
     */
    public int generateTasks(Campaign campaign, int leadDays) {
        int created = 0;
        for (Cadre cadre : activeCadres(campaign, Scope.everything())) {
            LocalDate due = dueDay(campaign, cadre);
            if (due == null) {
                continue;
            }
            for (Layer layer : campaign.layerList()) {
                if (repository.insertTaskOnce(campaign.id, cadre.id, layer, readModel.responsibleOrg(cadre, layer),
                        cadre.placement(), due.minusDays(leadDays), due, campaign.type.purpose())) {
                    created++;
                }
            }
        }
        return created;
    }

    /** The festival day, or the cadre's birthday in the range when it is the 80th or later; null when none. */
    static LocalDate dueDay(Campaign campaign, Cadre cadre) {
        if (campaign.type != CampaignType.BIRTHDAY_80) {
            return campaign.startOn;
        }
        if (cadre.birthDate == null) {
            return null;
        }
        MonthDay birthday = MonthDay.from(cadre.birthDate);
        for (int year = campaign.startOn.getYear(); year <= campaign.endOn.getYear(); year++) {
            LocalDate day = birthday.atYear(year); // 29 Feb falls on 28 Feb in other years
            if (!day.isBefore(campaign.startOn) && !day.isAfter(campaign.endOn) && cadre.ageOn(day) >= 80) {
                return day;
            }
        }
        return null;
    }

    /**
     * The day's cut-off of an emergency campaign, district time: its own, else its district's visit policy's now (a
     * policy change reaches running campaigns).
     */
    java.time.LocalTime cutOffOf(Campaign campaign, Policies inForce) {
        return campaign.cutOff != null ? campaign.cutOff
                : inForce.of(campaign.districtCode).campaigns().emergencyCutOff();
    }

    /**
     * 战时 cut-off: for each running emergency campaign whose cut-off has passed today (or passed yesterday, for a
     * service that was down then), every active cadre of its communities not contacted from the day's start to the
     * cut-off is announced once with {@code VisitMissed} (kind EMERGENCY_CHECK), in the transaction that records it.
     */
    public int announceUnreached() {
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<Campaign> running = em.createQuery("select c from Campaign c where c.type = :emergency "
                + "and c.endedAt is null and c.startOn <= :today and c.endOn >= :yesterday", Campaign.class)
                .setParameter("emergency", CampaignType.EMERGENCY_DAILY).setParameter("today", today)
                .setParameter("yesterday", today.minusDays(1)).getResultList();
        int announced = 0;
        Policies inForce = running.isEmpty() ? null : policies.inForce();
        for (Campaign campaign : running) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                Instant cutOff = clock.at(day, cutOffOf(campaign, inForce));
                if (day.isBefore(campaign.startOn) || day.isAfter(campaign.endOn) || now.isBefore(cutOff)) {
                    continue;
                }
                List<CampaignRepository.Unreached> unreached = repository.recordUnreached(campaign.id,
                        campaign.communityList(), day, clock.startOf(day), cutOff, now);
                Map<String, String> districts = unreached.isEmpty() ? Map.of() : orgs.districtsOfCommunities();
                for (CampaignRepository.Unreached cadre : unreached) {
                    outbox.publish(Topics.VISITS, cadre.cadreId().toString(), EmergencyCheckMissed.of(campaign.id,
                            cadre, day, cutOff, now, districts.get(cadre.communityCode())));
                }
                if (!unreached.isEmpty()) {
                    LOG.infof("Campaign %s: %d cadres unreached at the %s cut-off of %s", campaign.id,
                            unreached.size(), cutOffOf(campaign, inForce), day);
                }
                announced += unreached.size();
            }
        }
        return announced;
    }

    /** Ends a campaign early (today is its last day; an emergency one announces nothing more); audited. */
    public CampaignDto end(Campaign campaign, String username) {
        Campaign managed = em.find(Campaign.class, campaign.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (managed.endedAt != null) {
            return toDto(managed); // a retry
        }
        Instant now = clock.now();
        LocalDate today = clock.today();
        managed.endedAt = now;
        managed.endedBy = username;
        if (managed.endOn.isAfter(today)) {
            managed.endOn = today.isBefore(managed.startOn) ? managed.startOn : today;
        }
        int cancelled = em.createQuery("update CampaignTask t set t.status = 'CANCELLED', t.updatedAt = :now "
                + "where t.campaignId = :campaign and t.status = 'OPEN'").setParameter("now", now)
                .setParameter("campaign", managed.id).executeUpdate();
        repository.audit(managed.id, "END", "endOn " + managed.endOn + ", " + cancelled + " open tasks cancelled",
                username, now);
        LOG.infof("Campaign %s ended early by %s (%d open greeting tasks cancelled)", managed.id, username, cancelled);
        return toDto(managed);
    }

    /**
     * Changes the communities a campaign covers (empty: the district); audited. A greeting round cancels the open
     * tasks of communities it leaves and makes tasks for the ones it gains.
     */
    public CampaignDto changeScope(Campaign campaign, List<String> communities, String username) {
        Campaign managed = em.find(Campaign.class, campaign.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<String> before = managed.communityList();
        if (before.equals(communities)) {
            return toDto(managed);
        }
        Instant now = clock.now();
        managed.communityCodes = String.join(",", communities);
        if (managed.type.isGreetingRound()) {
            if (!communities.isEmpty()) {
                em.createQuery("update CampaignTask t set t.status = 'CANCELLED', t.updatedAt = :now "
                        + "where t.campaignId = :campaign and t.status = 'OPEN' "
                        + "and (t.placement.communityCode is null or t.placement.communityCode not in :communities)")
                        .setParameter("now", now).setParameter("campaign", managed.id)
                        .setParameter("communities", communities).executeUpdate();
            }
            em.flush();
            generateTasks(managed, leadDaysOf(managed));
        }
        repository.audit(managed.id, "SCOPE", display(before) + " -> " + display(communities), username, now);
        LOG.infof("Campaign %s scope changed by %s: %d -> %d communities", managed.id, username, before.size(),
                communities.size());
        return toDto(managed);
    }

    private static String display(List<String> communities) {
        return communities.isEmpty() ? "(district)" : String.join(",", communities);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignChange> history(Campaign campaign) {
        return repository.history(campaign.id);
    }

    /** Greeting rounds still running pick up cadres registered after the campaign was created. */
    public void topUp() {
        List<Campaign> running = em.createQuery("select c from Campaign c where c.type <> :emergency and c.endOn >= :today "
                + "and c.endedAt is null",
                Campaign.class).setParameter("emergency", CampaignType.EMERGENCY_DAILY)
                .setParameter("today", clock.today()).getResultList();
        Policies inForce = running.isEmpty() ? null : policies.inForce();
        for (Campaign campaign : running) {
            int added = generateTasks(campaign, inForce.of(campaign.districtCode).campaigns().greetingLeadDays());
            if (added > 0) {
                LOG.infof("Campaign %s: %d greeting tasks added for newly registered cadres", campaign.id, added);
            }
        }
    }

    /**
     * A contact inside a greeting task's window, by its layer, completes it when the visit was made for it: it names
     * the task, or its purpose is the greeting's (节日慰问, 祝寿). A routine call on the way does not tick it off. The
     * window ends the grace days of the campaign's district after the day, read in the same statement (no query of
     * its own per visit).
     */
    void onVisit(@Observes VisitRecorded recorded) {
        var visit = recorded.visit();
        if (!visit.contacted) {
            return;
        }
        int done = repository.completeGreetings(visit.id, visit.cadreId, visit.layer, visit.taskId, visit.purpose,
                clock.dateOf(visit.visitedAt), clock.now(), config.campaigns().greetingGraceDays());
        if (done > 0) {
            LOG.infof("Visit %s completed %d greeting tasks of cadre %s", visit.id, done, visit.cadreId);
        }
    }

    void onProfilesApplied(@Observes ProfilesApplied applied) {
        applied.changes().stream().filter(change -> change.left() || change.moved()).forEach(this::onCadreChanged);
    }

    /** Deaths and departures cancel open greetings; a move hands them to the new community and grid. */
    private void onCadreChanged(CadreChanged change) {
        Cadre cadre = change.cadre();
        if (change.left()) {
            em.createQuery("update CampaignTask t set t.status = 'CANCELLED', t.updatedAt = :now where t.cadreId = :cadre "
                    + "and t.status = 'OPEN'").setParameter("now", clock.now()).setParameter("cadre", cadre.id)
                    .executeUpdate();
        } else if (change.moved()) {
            Placement placement = cadre.placement();
            em.createQuery("select t.id from CampaignTask t where t.cadreId = :cadre and t.status = 'OPEN'", UUID.class)
                    .setParameter("cadre", cadre.id).getResultList()
                    .forEach(id -> tombstones.record(TOMBSTONE_KIND, id, change.previousPlacement(), placement,
                            Tombstones.MOVED, clock.now()));
            for (Layer layer : List.of(Layer.COMMUNITY, Layer.GRID, Layer.UNIT)) {
                em.createQuery("update CampaignTask t set t.orgCode = :org, t.placement.communityCode = :community, "
                        + "t.placement.gridCode = :grid, t.placement.unitCode = :unit, t.updatedAt = :now "
                        + "where t.cadreId = :cadre and t.status = 'OPEN' and t.layer = :layer")
                        .setParameter("org", readModel.responsibleOrg(cadre, layer))
                        .setParameter("community", placement.communityCode).setParameter("grid", placement.gridCode)
                        .setParameter("unit", placement.unitCode).setParameter("now", clock.now())
                        .setParameter("cadre", cadre.id).setParameter("layer", layer.name())
                        .executeUpdate();
            }
        }
    }

    /** A greeting round's worklist: its tasks in the caller's scope, filtered, by due day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignTaskDto> tasks(Campaign campaign, TaskFilter filter, Scope scope, PageRequest page) {
        return Worklist.withRemoved(ListQuery.of(CampaignTask.class, "t")
                .eq("t.campaignId", campaign.id)
                .eq("t.placement.communityCode", filter.communityCode())
                .eq("t.placement.gridCode", filter.gridCode())
                .eq("t.layer", filter.layer())
                .eq("t.status", filter.status())
                .atMost("t.dueOn", filter.dueBy())
                .since("t.updatedAt", filter.updatedSince())
                .inScope(scope, "t.placement")
                .orderBy("t.dueOn, t.placement.communityCode, t.id")
                .pageEach(page, CampaignTaskDto::of), tombstones, TOMBSTONE_KIND, scope, filter.updatedSince());
    }

    public record TaskFilter(String communityCode, String gridCode, String layer, String status, LocalDate dueBy,
            Instant updatedSince) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Campaign> find(UUID id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CampaignDto> list(Scope scope) {
        Policies inForce = policies.inForce();
        return ListQuery.of(Campaign.class, "c").orderBy("c.createdAt desc").list(em)
                .stream().filter(c -> visible(c, scope)).map(c -> toDto(c, inForce)).toList();
    }

    /**
     * District-wide campaigns are visible to every scoped caller; others to callers covering one of their communities,
     * and to grid workers and unit liaisons only where one of their cadres lives in one of those communities
     * (they work there through those cadres; a campaign of another community is not theirs to read). A caller
     * without scope sees none.
     */
    public static boolean visible(Campaign campaign, Scope scope, Predicate<List<String>> reachesCadresIn) {
        if (scope.districtWide()) {
            return true;
        }
        if (scope.isEmpty()) {
            return false;
        }
        List<String> communities = campaign.communityList();
        return communities.isEmpty() || communities.stream().anyMatch(scope.communityCodes()::contains)
                || (!scope.gridCodes().isEmpty() || !scope.unitCodes().isEmpty()) && reachesCadresIn.test(communities);
    }

    public boolean visible(Campaign campaign, Scope scope) {
        return visible(campaign, scope, communities -> readModel.reachesCadresIn(scope, communities));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignDto toDto(Campaign c) {
        return toDto(c, c.type == CampaignType.EMERGENCY_DAILY && c.cutOff == null ? policies.inForce() : null);
    }

    /** @param inForce the policies, for an emergency campaign without a cut-off of its own */
    private CampaignDto toDto(Campaign c, Policies inForce) {
        long tasks = em.createQuery("select count(t) from CampaignTask t where t.campaignId = :id", Long.class)
                .setParameter("id", c.id).getSingleResult();
        return new CampaignDto(c.id, c.type, c.name, c.communityList(), c.startOn, c.endOn, c.layerList(), tasks,
                c.createdBy, c.createdAt, c.type == CampaignType.EMERGENCY_DAILY ? cutOffOf(c, inForce) : null, c.endedAt,
                c.endedBy, c.districtCode);
    }

    /** Emergency mode: who has not been reached on {@code on} (null: today). Greeting rounds: progress. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignCoverageDto coverage(Campaign campaign, LocalDate on, Scope scope) {
        return campaign.type == CampaignType.EMERGENCY_DAILY
                ? emergencyCoverage(campaign, on != null ? on : clock.today(), scope)
                : greetingCoverage(campaign, scope);
    }

    private CampaignCoverageDto emergencyCoverage(Campaign campaign, LocalDate on, Scope scope) {
        if (on.isBefore(campaign.startOn) || on.isAfter(campaign.endOn)) {
            throw InvalidFieldsException.of("on", "must be within the campaign, " + campaign.startOn + " to "
                    + campaign.endOn);
        }
        List<Cadre> cadres = activeCadres(campaign, scope);
        Set<UUID> reached = contactedOn(on);
        Map<String, long[]> counts = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        for (Cadre cadre : cadres) {
            Placement placement = cadre.placement();
            long[] count = counts.computeIfAbsent(String.valueOf(placement.communityCode), k -> new long[2]);
            count[0]++;
            if (reached.contains(cadre.id)) {
                count[1]++;
            } else {
                pending.add(new Pending(cadre.id, cadre.name, placement.communityCode, placement.gridCode,
                        placement.unitCode, null, null, on));
            }
        }
        pending.sort(Comparator.comparing((Pending p) -> String.valueOf(p.communityCode()))
                .thenComparing(p -> String.valueOf(p.gridCode())).thenComparing(p -> p.cadreId().toString()));
        return new CampaignCoverageDto(campaign.id, campaign.type, on, cadres.size(), cadres.size() - pending.size(),
                pending, progress(counts));
    }

    private CampaignCoverageDto greetingCoverage(Campaign campaign, Scope scope) {
        List<CampaignTask> tasks = ListQuery.of(CampaignTask.class, "t")
                .eq("t.campaignId", campaign.id)
                .where("t.status <> 'CANCELLED'")
                .inScope(scope, "t.placement")
                .orderBy("t.dueOn, t.placement.communityCode, t.id")
                .list(em);
        Map<String, long[]> counts = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        for (CampaignTask task : tasks) {
            Placement placement = task.placement();
            long[] count = counts.computeIfAbsent(String.valueOf(placement.communityCode), k -> new long[2]);
            count[0]++;
            if ("DONE".equals(task.status)) {
                count[1]++;
            } else {
                String name = names.computeIfAbsent(task.cadreId,
                        id -> readModel.find(id).map(c -> c.name).orElse(null));
                pending.add(new Pending(task.cadreId, name, placement.communityCode, placement.gridCode,
                        placement.unitCode, task.layer, task.orgCode, task.dueOn));
            }
        }
        long done = tasks.size() - pending.size();
        return new CampaignCoverageDto(campaign.id, campaign.type, null, tasks.size(), done, pending, progress(counts));
    }

    private static Map<String, Progress> progress(Map<String, long[]> counts) {
        Map<String, Progress> progress = new TreeMap<>();
        counts.forEach((k, v) -> progress.put(k, new Progress(v[0], v[1])));
        return progress;
    }

    private List<Cadre> activeCadres(Campaign campaign, Scope scope) {
        return readModel.activeCadres(scope, campaign.communityList(), null);
    }

    /** The cadres with a contact visit (any layer, any channel) on a district-local day. */
    private Set<UUID> contactedOn(LocalDate day) {
        return new HashSet<>(em.createQuery("select distinct v.cadreId from Visit v where v.contacted = true "
                + "and v.visitedAt >= :from and v.visitedAt < :to", UUID.class)
                .setParameter("from", clock.startOf(day)).setParameter("to", clock.startOf(day.plusDays(1)))
                .getResultList());
    }
}
