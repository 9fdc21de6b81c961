package shouwang.visit.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Topics;
import shouwang.visit.Worklist;
import shouwang.visit.readmodel.ActivityAbsenceFlagged;
import shouwang.visit.readmodel.Cadre;
import shouwang.visit.readmodel.CadreChanged;
import shouwang.visit.readmodel.ProfilesApplied;
import shouwang.visit.readmodel.ReadModelService;

/** Must-visit tasks: created from MustVisitRequired, completed by visits, MISSED past their deadline. */
@ApplicationScoped
@Transactional
public class TaskService {

    private static final Logger LOG = Logger.getLogger(TaskService.class);

    @Inject
    EntityManager em;

    @Inject
    TaskRepository repository;

    @Inject
    Outbox outbox;

    @Inject
    ReadModelService readModel;

    @Inject
    Clock clock;

    @Inject
    shouwang.visit.org.OrgService orgs;

    @Inject
    MeterRegistry meters;

    @Inject
    Tombstones tombstones;

    @Inject
    shouwang.visit.VisitConfig config;

    /** The kind of this worklist's tombstones. */
    static final String TOMBSTONE_KIND = "task";

    /**
     * One task per listed layer for {@code (alertId, level, layer)}; the unique constraint makes a replay (even under a
     * new ce_id) create nothing. A cadre the read model does not know yet still gets its tasks, placed by the event's
     * org codes until the profile arrives.
     */
    public List<UUID> create(MustVisitRequired required) {
        UUID alertId = required.alertId();
        UUID cadreId = required.cadreId();
        int level = required.level();
        Map<Layer, MustVisitRequired.LayerOrg> byLayer = new EnumMap<>(Layer.class);
        required.layers().forEach(entry -> byLayer.put(entry.layer(), entry));
        Map<Layer, String> orgByLayer = new EnumMap<>(Layer.class);
        byLayer.forEach((layer, entry) -> orgByLayer.put(layer, entry.orgCode()));
        Optional<Cadre> cadre = readModel.find(cadreId);
        if (cadre.isPresent() && !cadre.get().isActive()) {
            LOG.infof("MustVisitRequired for alert %s level %d ignored: cadre %s is %s", alertId, level, cadreId,
                    cadre.get().status);
            return List.of();
        }
        Placement placement = Cadre.placementOf(cadre, () -> new Placement(orgByLayer.get(Layer.COMMUNITY),
                orgByLayer.get(Layer.GRID), orgByLayer.get(Layer.UNIT)));
        List<UUID> created = new ArrayList<>();
        for (Map.Entry<Layer, MustVisitRequired.LayerOrg> entry : byLayer.entrySet()) {
            MustVisitRequired.LayerOrg asked = entry.getValue();
            MustVisitTask task = new MustVisitTask();
            task.id = UUID.randomUUID();
            task.cadreId = cadreId;
            task.alertId = alertId;
            task.kind = required.kind();
            task.level = level;
            task.layer = entry.getKey();
            task.orgCode = asked.orgCode();
            task.orgName = asked.orgName();
            asked.assignee().ifPresent(person -> {
                task.assigneeRole = person.role();
                task.assigneeName = person.name();
                task.assigneePhone = person.phone();
            });
            task.status = TaskStatus.OPEN;
            task.deadline = required.deadline();
            task.placement = placement.copy();
            task.createdAt = clock.now();
            task.updatedAt = task.createdAt;
            if (repository.insertOnce(task)) {
                outbox.publish(Topics.VISITS, cadreId.toString(), MustVisitTaskCreated.of(task, districtOf(task)));
                created.add(task.id);
                LOG.infof("Task %s created: alert %s level %d layer %s org %s cadre %s due %s", task.id, alertId,
                        level, task.layer, task.orgCode, cadreId, task.deadline);
            } else {
                LOG.debugf("Task for alert %s level %d layer %s exists already", alertId, level, entry.getKey());
            }
        }
        return created;
    }

    /**
     * A task not tied to an alert (送学上门, a routine visit after activity absences): level 0, alertId null, its
     * purpose and reason. Placed where the cadre is ({@code fallback} until its profile arrives). Returns the task's id
     * when it was created; nothing when the unique keys say it exists already (one per session and cadre, one OPEN per
     * cadre and activity) or the cadre died or moved away.
     */
    public Optional<UUID> createDuty(Duty duty) {
        Optional<Cadre> cadre = readModel.find(duty.cadreId());
        if (cadre.isPresent() && !cadre.get().isActive()) {
            LOG.infof("No %s task for cadre %s: cadre is %s", duty.purpose(), duty.cadreId(), cadre.get().status);
            return Optional.empty();
        }
        Placement placement = Cadre.placementOf(cadre, duty::fallback);
        MustVisitTask task = new MustVisitTask();
        task.id = duty.id();
        task.cadreId = duty.cadreId();
        task.kind = duty.reason() != null ? duty.reason() : duty.purpose().name();
        task.level = 0;
        // the cadre's grid, or its community when it has no grid
        task.layer = duty.layer() == Layer.GRID && placement.gridCode == null ? Layer.COMMUNITY : duty.layer();
        task.orgCode = Optional.ofNullable(ReadModelService.placedOrg(placement, task.layer))
                .orElse(placement.communityCode);
        if (task.orgCode == null) {
            LOG.warnf("No %s task for cadre %s: no community to give it to", duty.purpose(), duty.cadreId());
            return Optional.empty();
        }
        task.purpose = duty.purpose();
        task.reason = duty.reason();
        task.studySessionId = duty.studySessionId();
        task.activityId = duty.activityId();
        task.status = TaskStatus.OPEN;
        task.deadline = duty.deadline();
        task.placement = placement.copy();
        task.createdAt = clock.now();
        task.updatedAt = task.createdAt;
        if (!repository.insertOnce(task)) {
            LOG.debugf("%s task for cadre %s exists already", duty.purpose(), duty.cadreId());
            return Optional.empty();
        }
        outbox.publish(Topics.VISITS, task.cadreId.toString(), MustVisitTaskCreated.of(task, districtOf(task)));
        LOG.infof("Task %s created: %s%s layer %s org %s cadre %s due %s", task.id, task.purpose,
                task.reason == null ? "" : "/" + task.reason, task.layer, task.orgCode, task.cadreId, task.deadline);
        return Optional.of(task.id);
    }

    /**
     * What a visit completes besides a task it names, by the purpose rules: a contacted 送学上门 visit completes the
     * cadre's open STUDY_DELIVERY tasks; a contacted visit at a layer completes the cadre's open ACTIVITY_ABSENCE
     * tasks of that layer. Returns the ids completed.
     */
    public List<UUID> completeByPurpose(UUID cadreId, Layer layer, shouwang.visit.Purpose purpose, UUID visitId) {
        List<MustVisitTask> open = em.createQuery("select t from MustVisitTask t where t.cadreId = :cadre "
                + "and t.status = :open and t.alertId is null and ((t.purpose = :study and :purpose = :study) "
                + "or (t.reason = :absence and t.layer = :layer)) order by t.deadline", MustVisitTask.class)
                .setParameter("cadre", cadreId).setParameter("open", TaskStatus.OPEN)
                .setParameter("study", shouwang.visit.Purpose.STUDY_DELIVERY).setParameter("purpose", purpose)
                .setParameter("absence", ACTIVITY_ABSENCE).setParameter("layer", layer)
                .getResultList();
        List<UUID> completed = new ArrayList<>();
        for (MustVisitTask task : open) {
            if (completeByVisit(task.id, visitId)) {
                completed.add(task.id);
            }
        }
        return completed;
    }

    /**
     * ActivityAbsenceFlagged: the grid contact (the community when the cadre has no grid) visits, within
     * {@code shouwang.visit.activity-absence.deadline}; at most one OPEN task per cadre and activity.
     */
    void onActivityAbsence(@Observes ActivityAbsenceFlagged flag) {
        UUID id = UUID.nameUUIDFromBytes(("activity-absence/" + flag.flagId())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        createDuty(new Duty(id, flag.cadreId(), shouwang.visit.Purpose.ROUTINE, ACTIVITY_ABSENCE, Layer.GRID,
                clock.now().plus(config.activityAbsence().deadline()), null, flag.activityId(),
                new Placement(flag.communityCode(), flag.gridCode(), null)));
    }

    /** The routine-visit reason of an activity-absence task. */
    public static final String ACTIVITY_ABSENCE = "ACTIVITY_ABSENCE";

    /**
     * What a task not tied to an alert asks: who, for what, at which layer, by when; {@code fallback} places it while
     * the cadre's profile is not held yet.
     */
    public record Duty(UUID id, UUID cadreId, shouwang.visit.Purpose purpose, String reason, Layer layer,
            Instant deadline, UUID studySessionId, UUID activityId, Placement fallback) {
    }

    /**
     * A contact visit naming the task completes it when it is OPEN, or MISSED (a late visit still closes the alert's
     * loop; the event says {@code late}). DONE and CANCELLED tasks stay as they are. Returns whether it completed.
     */
    public boolean completeByVisit(UUID taskId, UUID visitId) {
        MustVisitTask task = em.find(MustVisitTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || (task.status != TaskStatus.OPEN && task.status != TaskStatus.MISSED)) {
            return false;
        }
        boolean late = task.status == TaskStatus.MISSED;
        task.status = TaskStatus.DONE;
        task.visitId = visitId;
        task.completedAt = clock.now();
        task.updatedAt = task.completedAt;
        outbox.publish(Topics.VISITS, task.cadreId.toString(), MustVisitTaskCompleted.of(task, late, districtOf(task)));
        LOG.infof("Task %s completed by visit %s (%s, level %d, layer %s%s)", task.id, visitId,
                task.hasAlert() ? "alert " + task.alertId : task.purpose, task.level, task.layer,
                late ? ", after it was missed" : "");
        return true;
    }

    /**
     * Marks up to {@code batchSize} open tasks past their deadline MISSED and records VisitMissed for each, in one
     * transaction, so several replicas scanning at once never take (or announce) the same task twice.
     */
    public int markDueTasksMissed(int batchSize) {
        List<MissedTask> missed = repository.markDueMissed(batchSize, clock.now());
        Map<String, String> districts = missed.isEmpty() ? Map.of() : orgs.districtsOfCommunities();
        for (MissedTask task : missed) {
            outbox.publish(Topics.VISITS, task.cadreId().toString(),
                    VisitMissed.of(task, districts.get(task.communityCode())));
            long lagMillis = Duration.between(task.deadline(), task.missedAt()).toMillis();
            meters.timer("shouwang.visit.missed.detection.lag").record(Duration.ofMillis(Math.max(0, lagMillis)));
            LOG.infof("Task %s MISSED: %s level %d layer %s org %s, %d ms after its deadline", task.taskId(),
                    task.alertId() != null ? "alert " + task.alertId() : task.purpose(), task.level(), task.layer(),
                    task.orgCode(), lagMillis);
        }
        // per community, so an operator sees (and alerts on) where tasks go missed; communities are a bounded set
        missed.stream().collect(java.util.stream.Collectors.groupingBy(
                t -> t.communityCode() == null ? "none" : t.communityCode(), java.util.stream.Collectors.counting()))
                .forEach((community, count) -> meters.counter("shouwang.visit.tasks.missed", "community", community)
                        .increment(count));
        return missed.size();
    }

    /**
     * A resolved alert (by visits, or by hand with a reason) needs no more visits: its still-open tasks are cancelled,
     * so they neither linger in worklists nor turn MISSED later. Returns how many were cancelled.
     */
    public int cancelOpenTasksOf(AlertResolved resolved) {
        int cancelled = cancelOpen("t.alertId = :subject", resolved.alertId(), "ALERT_RESOLVED");
        if (cancelled > 0) {
            LOG.infof("Cancelled %d open tasks of resolved alert %s", cancelled, resolved.alertId());
        }
        return cancelled;
    }

    /**
     * Only a cadre with open tasks has anything to follow, so one query per batch finds those (in a bulk load
     * almost none) instead of an update per cadre.
     */
    void onProfilesApplied(@Observes ProfilesApplied applied) {
        List<UUID> ids = applied.changes().stream().map(change -> change.cadre().id).toList();
        java.util.Set<UUID> withOpenTasks = new java.util.HashSet<>(em.createQuery("select distinct t.cadreId from "
                + "MustVisitTask t where t.status = :open and t.cadreId in :cadres", UUID.class)
                .setParameter("open", TaskStatus.OPEN).setParameter("cadres", ids).getResultList());
        applied.changes().stream().filter(change -> withOpenTasks.contains(change.cadre().id))
                .forEach(this::onCadreChanged);
    }

    /** A death or departure cancels the open tasks; a move hands them to the new community and grid. */
    private void onCadreChanged(CadreChanged change) {
        Cadre cadre = change.cadre();
        if (change.left()) {
            int cancelled = cancelOpen("t.cadreId = :subject", cadre.id, "CADRE_" + cadre.status);
            if (cancelled > 0) {
                LOG.infof("Cancelled %d open tasks of cadre %s (%s)", cancelled, cadre.id, cadre.status);
            }
            return;
        }
        if (!cadre.isActive()) {
            return;
        }
        // Placement follows the cadre (also for tasks created before its profile arrived); the community and grid
        // layers' tasks go to the cadre's new community and grid.
        Placement placement = cadre.placement();
        if (change.moved()) {
            // devices of the old community drop these tasks (worklist tombstones), in the commit that moves them
            openTaskIds(cadre.id).forEach(id -> tombstones.record(TOMBSTONE_KIND, id, change.previousPlacement(),
                    placement, Tombstones.MOVED, clock.now()));
        }
        int placed = em.createQuery("update MustVisitTask t set t.placement.communityCode = :community, "
                + "t.placement.gridCode = :grid, t.placement.unitCode = :unit, t.updatedAt = :now "
                + "where t.cadreId = :cadre and t.status = :open "
                + "and (t.placement.communityCode is distinct from :community "
                + "or t.placement.gridCode is distinct from :grid or t.placement.unitCode is distinct from :unit)")
                .setParameter("community", placement.communityCode).setParameter("grid", placement.gridCode)
                .setParameter("unit", placement.unitCode).setParameter("now", clock.now())
                .setParameter("cadre", cadre.id).setParameter("open", TaskStatus.OPEN)
                .executeUpdate();
        if (change.moved()) {
            Placement previous = change.previousPlacement();
            int handed = handOver(cadre, Layer.COMMUNITY, placement.communityCode, previous.communityCode)
                    + handOver(cadre, Layer.GRID, placement.gridCode, previous.gridCode);
            LOG.infof("Cadre %s moved: %d open tasks re-placed, %d handed to the new community/grid", cadre.id, placed,
                    handed);
        }
    }

    private List<UUID> openTaskIds(UUID cadreId) {
        return em.createQuery("select t.id from MustVisitTask t where t.cadreId = :cadre and t.status = :open",
                UUID.class).setParameter("cadre", cadreId).setParameter("open", TaskStatus.OPEN).getResultList();
    }

    private int cancelOpen(String condition, UUID subject, String reason) {
        return em.createQuery("update MustVisitTask t set t.status = :cancelled, t.cancelledAt = :now, "
                + "t.cancelReason = :reason, t.updatedAt = :now where " + condition + " and t.status = :open")
                .setParameter("cancelled", TaskStatus.CANCELLED).setParameter("now", clock.now())
                .setParameter("reason", reason).setParameter("subject", subject)
                .setParameter("open", TaskStatus.OPEN)
                .executeUpdate();
    }

    private int handOver(Cadre cadre, Layer layer, String newOrg, String previousOrg) {
        if (newOrg == null || newOrg.equals(previousOrg)) {
            return 0;
        }
        return em.createQuery("update MustVisitTask t set t.orgCode = :org, t.updatedAt = :now where t.cadreId = :cadre "
                + "and t.status = :open and t.layer = :layer")
                .setParameter("org", newOrg).setParameter("now", clock.now()).setParameter("cadre", cadre.id)
                .setParameter("open", TaskStatus.OPEN).setParameter("layer", layer)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MustVisitTask> find(UUID id) {
        return Optional.ofNullable(em.find(MustVisitTask.class, id));
    }

    /** Where an alert's tasks are placed (all of one cadre), if it has any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> placementOfAlert(UUID alertId) {
        return em.createQuery("select t from MustVisitTask t where t.alertId = :alert", MustVisitTask.class)
                .setParameter("alert", alertId).setMaxResults(1).getResultStream().findFirst()
                .map(MustVisitTask::placement);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskDto> list(TaskFilter filter, Scope scope, PageRequest page) {
        return Worklist.withRemoved(ListQuery.of(MustVisitTask.class, "t")
                .eq("t.cadreId", filter.cadreId())
                .eq("t.layer", filter.layer())
                .eq("t.orgCode", filter.orgCode())
                .eq("t.status", filter.status())
                .eq("t.alertId", filter.alertId())
                .eq("t.purpose", filter.purpose())
                .since("t.updatedAt", filter.updatedSince())
                .inScope(scope, "t.placement")
                .orderBy("t.deadline, t.id")
                .pageEach(page, TaskDto::of), tombstones, TOMBSTONE_KIND, scope, filter.updatedSince());
    }

    public record TaskFilter(UUID cadreId, Layer layer, String orgCode, TaskStatus status, UUID alertId,
            Instant updatedSince, shouwang.visit.Purpose purpose) {
    }

    /** The district of the task's community, for its events (null when the org records do not tell). */
    private String districtOf(MustVisitTask task) {
        return orgs.districtOf(task.placement().communityCode);
    }
}
