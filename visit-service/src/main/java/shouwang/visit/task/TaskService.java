package shouwang.visit.task;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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

import com.fasterxml.jackson.databind.JsonNode;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.PagedQuery;
import shouwang.visit.Topics;
import shouwang.visit.readmodel.Cadre;
import shouwang.visit.readmodel.CadreChanged;
import shouwang.visit.readmodel.Json;
import shouwang.visit.readmodel.ReadModelService;
import shouwang.visit.task.TaskEvents.MustVisitTaskCompleted;
import shouwang.visit.task.TaskEvents.MustVisitTaskCreated;
import shouwang.visit.task.TaskEvents.VisitMissed;

/** Must-visit tasks: created from MustVisitRequired, completed by visits, MISSED past their deadline. */
@ApplicationScoped
@Transactional
public class TaskService {

    private static final Logger LOG = Logger.getLogger(TaskService.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ReadModelService readModel;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * One task per listed layer for {@code (alertId, level, layer)}; the unique constraint makes a replay (even under a
     * new ce_id) create nothing. A cadre the read model does not know yet still gets its tasks, placed by the event's
     * org codes until the profile arrives.
     */
    public List<UUID> createFromMustVisitRequired(JsonNode data) {
        UUID alertId = Json.requiredUuid(data, "alertId");
        UUID cadreId = Json.requiredUuid(data, "cadreId");
        Instant deadline = Json.requiredInstant(data, "deadline");
        int level = data.path("level").asInt(0);
        String kind = Json.text(data, "kind");
        JsonNode layers = data.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new IllegalArgumentException("MustVisitRequired for alert " + alertId + " lists no layers");
        }
        Map<Layer, String> orgByLayer = new HashMap<>();
        for (JsonNode entry : layers) {
            Layer layer = Layer.valueOf(Json.text(entry, "layer"));
            String orgCode = Json.text(entry, "orgCode");
            if (orgCode == null || orgCode.isBlank()) {
                throw new IllegalArgumentException("layer " + layer + " of alert " + alertId + " has no orgCode");
            }
            orgByLayer.put(layer, orgCode);
        }
        Optional<Cadre> cadre = readModel.find(cadreId);
        if (cadre.isPresent() && !cadre.get().isActive()) {
            LOG.infof("MustVisitRequired for alert %s level %d ignored: cadre %s is %s", alertId, level, cadreId,
                    cadre.get().status);
            return List.of();
        }
        String community = cadre.map(c -> c.communityCode).orElse(orgByLayer.get(Layer.COMMUNITY));
        String grid = cadre.map(c -> c.gridCode).orElse(orgByLayer.get(Layer.GRID));
        String unit = cadre.map(c -> c.unitCode).orElse(orgByLayer.get(Layer.UNIT));
        List<UUID> created = new ArrayList<>();
        for (Map.Entry<Layer, String> entry : orgByLayer.entrySet()) {
            MustVisitTask task = new MustVisitTask();
            task.id = UUID.randomUUID();
            task.cadreId = cadreId;
            task.alertId = alertId;
            task.kind = kind;
            task.level = level;
            task.layer = entry.getKey();
            task.orgCode = entry.getValue();
            task.status = TaskStatus.OPEN;
            task.deadline = deadline;
            task.communityCode = community;
            task.gridCode = grid;
            task.unitCode = unit;
            task.createdAt = Instant.now();
            task.updatedAt = task.createdAt;
            if (insertOnce(task)) {
                outbox.publish(Topics.VISITS, cadreId.toString(), Topics.MUST_VISIT_TASK_CREATED,
                        MustVisitTaskCreated.of(task));
                created.add(task.id);
                LOG.infof("Task %s created: alert %s level %d layer %s org %s cadre %s due %s", task.id, alertId,
                        level, task.layer, task.orgCode, cadreId, deadline);
            } else {
                LOG.debugf("Task for alert %s level %d layer %s exists already", alertId, level, entry.getKey());
            }
        }
        return created;
    }

    private boolean insertOnce(MustVisitTask t) {
        return em.createNativeQuery("insert into must_visit_task (id, cadre_id, alert_id, kind, level, layer, org_code, "
                + "status, deadline, community_code, grid_code, unit_code, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13) "
                + "on conflict (alert_id, level, layer) do nothing")
                .setParameter(1, t.id).setParameter(2, t.cadreId).setParameter(3, t.alertId).setParameter(4, t.kind)
                .setParameter(5, t.level).setParameter(6, t.layer.name()).setParameter(7, t.orgCode)
                .setParameter(8, t.status.name()).setParameter(9, OffsetDateTime.ofInstant(t.deadline, java.time.ZoneOffset.UTC))
                .setParameter(10, t.communityCode).setParameter(11, t.gridCode).setParameter(12, t.unitCode)
                .setParameter(13, OffsetDateTime.ofInstant(t.createdAt, java.time.ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    /**
     * A contact visit naming the task completes it when it is OPEN, or MISSED (a late visit still closes the alert's
     * loop; the event says {@code late}). DONE and CANCELLED tasks stay as they are. Returns whether it completed.
     */
    public boolean completeByVisit(UUID taskId, UUID visitId, Instant visitedAt) {
        MustVisitTask task = em.find(MustVisitTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || (task.status != TaskStatus.OPEN && task.status != TaskStatus.MISSED)) {
            return false;
        }
        boolean late = task.status == TaskStatus.MISSED;
        task.status = TaskStatus.DONE;
        task.visitId = visitId;
        task.completedAt = Instant.now();
        task.updatedAt = task.completedAt;
        outbox.publish(Topics.VISITS, task.cadreId.toString(), Topics.MUST_VISIT_TASK_COMPLETED,
                new MustVisitTaskCompleted(task.id, task.alertId, task.cadreId, task.layer, task.orgCode, task.level,
                        visitId, task.completedAt, late));
        LOG.infof("Task %s completed by visit %s (alert %s, level %d, layer %s%s)", task.id, visitId, task.alertId,
                task.level, task.layer, late ? ", after it was missed" : "");
        return true;
    }

    /**
     * Marks up to {@code batchSize} open tasks past their deadline MISSED and records VisitMissed for each, in one
     * transaction. SKIP LOCKED lets several replicas scan at once without taking (or announcing) the same task twice.
     * The due condition compares with {@code now()} (stable, the transaction's start) so it is an index condition on
     * the partial index; the volatile {@code clock_timestamp()} would be a filter over every open task.
     */
    @SuppressWarnings("unchecked")
    public int markDueTasksMissed(int batchSize) {
        List<Object[]> rows = em.createNativeQuery("with due as (select id from must_visit_task where status = 'OPEN' "
                + "and deadline <= now() order by deadline limit ?1 for update skip locked), "
                + "missed as (update must_visit_task t set status = 'MISSED', missed_at = clock_timestamp(), "
                + "updated_at = clock_timestamp() from due where t.id = due.id returning t.id, t.alert_id, t.cadre_id, "
                + "t.layer, t.org_code, t.level, t.deadline, t.missed_at) select * from missed order by deadline")
                .setParameter(1, batchSize)
                .getResultList();
        for (Object[] row : rows) {
            UUID taskId = (UUID) row[0];
            UUID alertId = (UUID) row[1];
            UUID cadreId = (UUID) row[2];
            Layer layer = Layer.valueOf((String) row[3]);
            int level = ((Number) row[5]).intValue();
            Instant deadline = instant(row[6]);
            Instant detectedAt = instant(row[7]);
            outbox.publish(Topics.VISITS, cadreId.toString(), Topics.VISIT_MISSED,
                    new VisitMissed("MUST_VISIT", taskId, alertId, cadreId, layer, (String) row[4], level, deadline,
                            detectedAt, Duration.between(deadline, detectedAt).toDays()));
            long lagMillis = Duration.between(deadline, detectedAt).toMillis();
            meters.timer("shouwang.visit.missed.detection.lag").record(Duration.ofMillis(Math.max(0, lagMillis)));
            LOG.infof("Task %s MISSED: alert %s level %d layer %s org %s, %d ms after its deadline", taskId, alertId,
                    level, layer, row[4], lagMillis);
        }
        if (!rows.isEmpty()) {
            meters.counter("shouwang.visit.tasks.missed").increment(rows.size());
        }
        return rows.size();
    }

    /**
     * A resolved alert (by visits, or by hand with a reason) needs no more visits: its still-open tasks are cancelled,
     * so they neither linger in worklists nor turn MISSED later. Returns how many were cancelled.
     */
    public int cancelOpenTasksOfResolvedAlert(JsonNode data) {
        UUID alertId = Json.requiredUuid(data, "alertId");
        int cancelled = em.createQuery("update MustVisitTask t set t.status = :cancelled, t.cancelledAt = :now, "
                + "t.cancelReason = :reason, t.updatedAt = :now where t.alertId = :alert and t.status = :open")
                .setParameter("cancelled", TaskStatus.CANCELLED).setParameter("now", Instant.now())
                .setParameter("reason", "ALERT_RESOLVED").setParameter("alert", alertId)
                .setParameter("open", TaskStatus.OPEN)
                .executeUpdate();
        if (cancelled > 0) {
            LOG.infof("Cancelled %d open tasks of resolved alert %s", cancelled, alertId);
        }
        return cancelled;
    }

    /** A death or departure cancels the open tasks; a move hands them to the new community and grid. */
    void onCadreChanged(@Observes CadreChanged change) {
        Cadre cadre = change.cadre();
        if (change.left()) {
            int cancelled = em.createQuery("update MustVisitTask t set t.status = :cancelled, t.cancelledAt = :now, "
                    + "t.cancelReason = :reason, t.updatedAt = :now where t.cadreId = :cadre and t.status = :open")
                    .setParameter("cancelled", TaskStatus.CANCELLED).setParameter("now", Instant.now())
                    .setParameter("reason", "CADRE_" + cadre.status).setParameter("cadre", cadre.id)
                    .setParameter("open", TaskStatus.OPEN)
                    .executeUpdate();
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
        int placed = em.createQuery("update MustVisitTask t set t.communityCode = :community, t.gridCode = :grid, "
                + "t.unitCode = :unit, t.updatedAt = :now where t.cadreId = :cadre and t.status = :open "
                + "and (t.communityCode is distinct from :community or t.gridCode is distinct from :grid "
                + "or t.unitCode is distinct from :unit)")
                .setParameter("community", cadre.communityCode).setParameter("grid", cadre.gridCode)
                .setParameter("unit", cadre.unitCode).setParameter("now", Instant.now())
                .setParameter("cadre", cadre.id).setParameter("open", TaskStatus.OPEN)
                .executeUpdate();
        if (change.moved()) {
            int handed = handOver(cadre, Layer.COMMUNITY, cadre.communityCode, change.previousCommunityCode())
                    + handOver(cadre, Layer.GRID, cadre.gridCode, change.previousGridCode());
            LOG.infof("Cadre %s moved: %d open tasks re-placed, %d handed to the new community/grid", cadre.id, placed,
                    handed);
        }
    }

    private int handOver(Cadre cadre, Layer layer, String newOrg, String previousOrg) {
        if (newOrg == null || newOrg.equals(previousOrg)) {
            return 0;
        }
        return em.createQuery("update MustVisitTask t set t.orgCode = :org, t.updatedAt = :now where t.cadreId = :cadre "
                + "and t.status = :open and t.layer = :layer")
                .setParameter("org", newOrg).setParameter("now", Instant.now()).setParameter("cadre", cadre.id)
                .setParameter("open", TaskStatus.OPEN).setParameter("layer", layer)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MustVisitTask> find(UUID id) {
        return Optional.ofNullable(em.find(MustVisitTask.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskDto> list(TaskFilter filter, Scope scope, PageRequest page) {
        return PagedQuery.of(MustVisitTask.class, "t")
                .and("t.cadreId = :cadreId", "cadreId", filter.cadreId())
                .and("t.layer = :layer", "layer", filter.layer())
                .and("t.orgCode = :orgCode", "orgCode", filter.orgCode())
                .and("t.status = :status", "status", filter.status())
                .and("t.alertId = :alertId", "alertId", filter.alertId())
                .and("t.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
                .inScope(scope)
                .page(em, "t.deadline, t.id", page, TaskDto::of);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    public record TaskFilter(UUID cadreId, Layer layer, String orgCode, TaskStatus status, UUID alertId,
            Instant updatedSince) {
    }
}
