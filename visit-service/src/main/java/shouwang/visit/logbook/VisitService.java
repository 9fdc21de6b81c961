package shouwang.visit.logbook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Roles;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.Topics;
import shouwang.visit.Worklist;
import shouwang.visit.VisitConfig;
import shouwang.visit.issue.IssueService;
import shouwang.visit.readmodel.Cadre;
import shouwang.visit.readmodel.ReadModelService;
import shouwang.visit.task.MustVisitTask;
import shouwang.visit.task.TaskService;

/** The visit log: records contacts and attempts, completes named tasks, raises needs as issue-list items. */
@ApplicationScoped
@Transactional
public class VisitService {

    private static final Logger LOG = Logger.getLogger(VisitService.class);
    /** Device clocks drift; a visit a few minutes "in the future" is still today's visit. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> STAFF_ROLES = Set.of(Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER,
            Roles.GRID_WORKER, Roles.UNIT_LIAISON);

    @Inject
    EntityManager em;

    @Inject
    VisitRepository repository;

    @Inject
    Outbox outbox;

    @Inject
    ReadModelService readModel;

    @Inject
    TaskService tasks;

    @Inject
    IssueService issues;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    @Inject
    shouwang.visit.org.OrgService orgs;

    @Inject
    Event<VisitRecorded> recorded;

    @Inject
    shouwang.kit.paging.Tombstones tombstones;

    /** Logs the visit, or returns the one already logged under the client's id (a retry from an offline device). */
    public Saved<VisitDto> log(VisitRequest request, Caller caller) {
        if (request.id() != null) {
            Visit existing = em.find(Visit.class, request.id());
            if (existing != null) {
                caller.requireVisible("Visit", existing.id, existing.placement());
                return Saved.existing(toDto(existing));
            }
        }
        InvalidFieldsException.Collector invalid = new InvalidFieldsException.Collector();
        Optional<Cadre> cadre = readModel.find(request.cadreId());
        Optional<MustVisitTask> task = request.taskId() == null ? Optional.empty() : tasks.find(request.taskId());
        // a taskId may also name a greeting task of a campaign: the visit made for it ticks it off
        Optional<VisitRepository.GreetingTask> greeting = request.taskId() == null || task.isPresent()
                ? Optional.empty() : repository.greetingTask(request.taskId());
        if (request.taskId() != null && task.isEmpty() && greeting.isEmpty()) {
            invalid.add("taskId", "no such task");
        }
        UUID taskCadre = task.map(t -> t.cadreId).orElse(greeting.map(VisitRepository.GreetingTask::cadreId).orElse(null));
        if (taskCadre != null && !taskCadre.equals(request.cadreId())) {
            invalid.add("taskId", "is a task for another cadre");
        }
        if (cadre.isEmpty() && task.isEmpty()) {
            invalid.add("cadreId", "is not a known cadre");
        }
        Layer taskLayer = task.map(t -> t.layer).orElse(greeting.map(VisitRepository.GreetingTask::layer).orElse(null));
        Layer layer = request.layer() != null ? request.layer() : taskLayer;
        if (layer == null) {
            invalid.add("layer", "is required");
        } else if (taskLayer != null && taskLayer != layer) {
            invalid.add("layer", "must be the task's layer " + taskLayer);
        }
        Purpose purpose = request.purpose() != null ? request.purpose()
                : task.isPresent() ? task.get().purpose
                : greeting.map(VisitRepository.GreetingTask::purpose).orElse(Purpose.ROUTINE);
        Instant now = clock.now();
        if (request.visitedAt().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            invalid.add("visitedAt", "must not be in the future");
        }
        if (!request.isContact() && request.notContactedReason() == null) {
            invalid.add("notContactedReason", "is required when contacted is false");
        }
        if (request.isContact() && request.notContactedReason() != null) {
            invalid.add("notContactedReason", "is only for a visit that did not reach the cadre (contacted false)");
        }
        LocalDate visitDay = clock.dateOf(request.visitedAt().toInstant());
        List<VisitRequest.Need> needs = request.needs() == null ? List.of() : request.needs();
        for (int i = 0; i < needs.size(); i++) {
            if (needs.get(i).deadline() != null && needs.get(i).deadline().isBefore(visitDay)) {
                invalid.add("needs[" + i + "].deadline", "must not be before the visit");
            }
        }
        List<Cadre> members = request.forHousehold() ? householdMembers(cadre, invalid) : List.of();
        invalid.throwIfAny();

        Placement placement = Cadre.placementOf(cadre, () -> task.map(MustVisitTask::placement).orElse(null));
        caller.requireCadre(placement);
        // 两老同住: the caller must be responsible for every member too, else nothing is recorded
        for (Cadre member : members) {
            caller.requireCadre(Cadre.placementOf(Optional.of(member), () -> null));
        }
        if (caller.roles().stream().noneMatch(STAFF_ROLES::contains)) {
            // a street officer acts for its street office (STREET tasks), a volunteer for the neighbourhood
            boolean street = caller.roles().contains(Roles.STREET_OFFICER);
            boolean neighbour = caller.roles().contains(Roles.VOLUNTEER);
            if (!(street && layer == Layer.STREET) && !(neighbour && layer == Layer.NEIGHBOUR)) {
                throw new ForbiddenException(street ? "A street officer logs STREET-layer visits only"
                        : "A volunteer logs NEIGHBOUR-layer visits only");
            }
        }

        Visit visit = newVisit(request.id() != null ? request.id() : UUID.randomUUID(), request, layer, purpose,
                placement, caller, now);
        visit.taskId = request.taskId();
        visit.healthStatus = request.healthStatus();
        visit.healthNotes = request.healthNotes();
        List<Visit> memberVisits = new ArrayList<>();
        for (Cadre member : members) {
            Visit memberVisit = newVisit(householdVisitId(visit.id, member.id), request, layer, purpose,
                    Cadre.placementOf(Optional.of(member), () -> null), caller, now);
            memberVisit.cadreId = member.id;
            memberVisit.householdOf = visit.id;
            memberVisits.add(memberVisit);
        }
        visit.householdVisitIds = String.join(",", memberVisits.stream().map(v -> v.id.toString()).toList());
        store(visit);
        boolean completed = visit.contacted && task.isPresent() && tasks.completeByVisit(visit.taskId, visit.id);
        announce(visit);
        // asked only when a need is raised: most visits raise none, and each query is a round trip under load
        String defaultOwner = needs.isEmpty() ? null
                : cadre.map(c -> readModel.responsibleOrg(c, layer)).orElse(placement.communityCode);
        List<IssueService.NewIssue> newIssues = new ArrayList<>();
        for (VisitRequest.Need need : needs) {
            newIssues.add(new IssueService.NewIssue(need.description(), need.category(),
                    need.ownerOrgCode() != null ? need.ownerOrgCode() : defaultOwner, need.ownerName(),
                    need.deadline() != null ? need.deadline()
                            : visitDay.plusDays(config.issues().defaultDeadlineDays())));
        }
        List<UUID> issueIds = issues.raise(visit.id, visit.cadreId, placement, newIssues);
        recorded.fire(new VisitRecorded(visit));
        completed = completed || (greeting.isPresent() && repository.completedGreeting(visit.taskId, visit.id));
        LOG.infof("Visit %s logged: cadre %s layer %s channel %s contacted %s task %s%s", visit.id, visit.cadreId,
                visit.layer, visit.channel, visit.contacted, visit.taskId, completed ? " (completed)" : "");
        // each member's record goes the way of any visit: its contact, its purpose's tasks, its VisitLogged
        for (Visit memberVisit : memberVisits) {
            store(memberVisit);
            announce(memberVisit);
            recorded.fire(new VisitRecorded(memberVisit));
            LOG.infof("Visit %s logged with visit %s for household member %s", memberVisit.id, visit.id,
                    memberVisit.cadreId);
        }
        return Saved.created(toDto(visit, completed, issueIds));
    }

    /** A household member's visit id: the same for every retry of the named cadre's visit. */
    static UUID householdVisitId(UUID visitId, UUID memberId) {
        return UUID.nameUUIDFromBytes((visitId + "/" + memberId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 两老同住: the other members of the cadre's household a {@code household: true} visit is also for (those still
     * living there: a member who died or moved away is left out); each problem is one on field {@code household}.
     */
    private List<Cadre> householdMembers(Optional<Cadre> cadre, InvalidFieldsException.Collector invalid) {
        if (cadre.isEmpty()) {
            invalid.add("household", "the cadre is not held yet, so neither is its household");
            return List.of();
        }
        Set<UUID> memberIds = new LinkedHashSet<>(cadre.get().householdMembers());
        memberIds.remove(cadre.get().id);
        if (cadre.get().householdId == null || memberIds.isEmpty()) {
            invalid.add("household", "the cadre lives in no household with other cadres");
            return List.of();
        }
        List<Cadre> members = new ArrayList<>();
        boolean unknown = false;
        for (UUID memberId : memberIds) {
            Optional<Cadre> member = readModel.find(memberId);
            if (member.isEmpty()) {
                invalid.add("household", "member " + memberId + " is not held yet");
                unknown = true;
            } else if (member.get().isActive()) {
                members.add(member.get());
            }
        }
        if (!unknown && members.isEmpty()) {
            invalid.add("household", "no other member of the household lives there any more");
        }
        return members;
    }

    /** The fields every record of one request shares (a household's records differ in cadre, place and id). */
    private static Visit newVisit(UUID id, VisitRequest request, Layer layer, Purpose purpose, Placement placement,
            Caller caller, Instant now) {
        Visit visit = new Visit();
        visit.id = id;
        visit.cadreId = request.cadreId();
        visit.visitedAt = request.visitedAt().toInstant();
        visit.channel = request.channel();
        visit.layer = layer;
        visit.visitorName = request.visitorName();
        visit.notes = request.notes();
        visit.contacted = request.isContact();
        visit.notContactedReason = request.notContactedReason();
        visit.purpose = purpose;
        visit.placement = placement;
        visit.recordedBy = caller.username();
        visit.createdAt = now;
        visit.updatedAt = now;
        return visit;
    }

    /** Stores a record and, for a contact, counts it as the cadre's latest contact at its layer and channel. */
    private void store(Visit visit) {
        em.persist(visit);
        em.flush();
        if (visit.contacted) {
            repository.recordContact(visit);
        }
    }

    /** Closes the cadre's tasks the visit's purpose answers and announces the record (VisitLogged). */
    private void announce(Visit visit) {
        if (visit.contacted) {
            // 送学上门 and activity-absence tasks close by the visit's purpose and layer, named or not
            tasks.completeByPurpose(visit.cadreId, visit.layer, visit.purpose, visit.id);
        }
        outbox.publish(Topics.VISITS, visit.cadreId.toString(), VisitLogged.of(visit,
                orgs.districtOf(visit.placement().communityCode)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> taskPlacement(UUID taskId) {
        return tasks.find(taskId).map(MustVisitTask::placement);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Visit> find(UUID id) {
        return Optional.ofNullable(em.find(Visit.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitDto toDto(Visit visit) {
        boolean completed = visit.taskId != null && (tasks.find(visit.taskId).map(t -> visit.id.equals(t.visitId))
                .orElse(false) || repository.completedGreeting(visit.taskId, visit.id));
        return toDto(visit, completed, issues.idsOfVisit(visit.id));
    }

    private static VisitDto toDto(Visit v, boolean taskCompleted, List<UUID> issueIds) {
        Placement p = v.placement();
        return new VisitDto(v.id, v.cadreId, v.visitedAt, v.channel, v.layer, v.visitorName, v.taskId, taskCompleted,
                v.notes, v.contacted, v.notContactedReason, v.healthStatus, v.healthNotes, issueIds, p.communityCode,
                p.gridCode, p.unitCode, v.recordedBy, v.createdAt, v.updatedAt, v.purpose, v.householdVisits(),
                v.householdOf);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VisitDto> list(VisitFilter filter, Scope scope, PageRequest page) {
        // a visit stays where it was logged (the old community keeps its copy), so only a visit gone for good would
        // be a tombstone here; the answer still carries "removed" for devices that sync every worklist alike
        return Worklist.withRemoved(ListQuery.of(Visit.class, "v")
                .eq("v.cadreId", filter.cadreId())
                .eq("v.placement.communityCode", filter.communityCode())
                .eq("v.layer", filter.layer())
                .eq("v.taskId", filter.taskId())
                .atLeast("v.visitedAt", filter.from())
                .before("v.visitedAt", filter.to())
                .since("v.updatedAt", filter.updatedSince())
                .inScope(scope, "v.placement")
                .orderBy("v.visitedAt desc, v.id")
                .pageEach(page, this::toDto), tombstones, "visit", scope, filter.updatedSince());
    }

    public record VisitFilter(UUID cadreId, String communityCode, Layer layer, UUID taskId, Instant from, Instant to,
            Instant updatedSince) {
    }
}
