package shouwang.alert.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreProfiles;
import shouwang.alert.common.Clock;
import shouwang.alert.common.Placement;
import shouwang.alert.policy.KindRule;
import shouwang.alert.policy.Policy;
import shouwang.alert.policy.PolicyService;
import shouwang.alert.signal.CareSignal;
import shouwang.alert.signal.SignalStatus;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.NotFoundException;

/** An alert's life: raised or joined by signals, escalated by missed tasks, resolved by visits or by hand. */
@ApplicationScoped
@Transactional
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    public static final String VISIT_SERVICE = "visit-service";
    private static final String REGISTRY = "registry-service";
    /** Actor of escalations made by {@link DeadlineWatch} (no VisitMissed arrived in time). */
    public static final String DEADLINE_WATCH = "deadline-watch";

    @Inject
    PolicyService policies;

    @Inject
    CadreProfiles profiles;

    @Inject
    Ladder ladder;

    @Inject
    AlertEvents events;

    @Inject
    EntityManager entityManager;

    /** Joins the signal into the cadre's open alert of its kind, or raises a new one. Caller holds the cadre lock. */
    public Alert raiseOrJoin(CadreProfile profile, CareSignal signal) {
        Instant now = Clock.now();
        Alert open = Alert.openOf(signal.cadreId, signal.kind);
        if (open != null) {
            signal.alertId = open.id;
            signal.status = SignalStatus.JOINED;
            open.updatedAt = now;
            history(open, AlertHistory.Action.SIGNAL_JOINED, signal.reportedBy, "signal " + signal.signalId, now);
            LOG.infof("Signal %s joined alert %s (%s, cadre %s)", signal.signalId, open.id, open.kind, open.cadreId);
            return open;
        }
        Policy policy = policies.current();
        KindRule rule = policy.rule(signal.kind);
        Alert alert = new Alert();
        alert.id = signal.alertId != null ? signal.alertId : UUID.randomUUID();
        alert.cadreId = signal.cadreId;
        alert.kind = signal.kind;
        alert.status = AlertStatus.OPEN;
        alert.level = 0;
        alert.raisedAt = now;
        alert.deadline = now.plus(rule.deadline());
        alert.placement = profile.placement().copy();
        alert.layers = layersOf(profile);
        alert.policyVersion = policy.version();
        alert.escalateEvery = rule.escalateEvery().toString();
        alert.updatedAt = now;
        alert.persist();
        signal.alertId = alert.id;
        signal.status = SignalStatus.RAISED;
        history(alert, AlertHistory.Action.RAISED, signal.reportedBy, "signal " + signal.signalId, now);
        events.raised(alert, profile, List.of(signal.signalId));
        LOG.infof("Alert %s raised: %s for cadre %s, deadline %s, policy v%d (signal %s)", alert.id, alert.kind,
                alert.cadreId, alert.deadline, alert.policyVersion, signal.signalId);
        return alert;
    }

    /** Open alerts follow the cadre when registry moves it, so scope filters see it where it lives now. */
    public void followPlacement(CadreProfile profile) {
        Placement now = profile.placement();
        entityManager.createQuery("update Alert a set a.placement.communityCode = ?1, a.placement.gridCode = ?2, "
                + "a.placement.unitCode = ?3, a.updatedAt = ?4 where a.cadreId = ?5 and a.status <> ?6 and ("
                + "coalesce(a.placement.communityCode, '') <> coalesce(?1, '') or coalesce(a.placement.gridCode, '') <> "
                + "coalesce(?2, '') or coalesce(a.placement.unitCode, '') <> coalesce(?3, ''))")
                .setParameter(1, now.communityCode)
                .setParameter(2, now.gridCode)
                .setParameter(3, now.unitCode)
                .setParameter(4, Clock.now())
                .setParameter(5, profile.id)
                .setParameter(6, AlertStatus.RESOLVED)
                .executeUpdate();
    }

    /**
     * A cadre who died or moved away will get no more visits (visit-service cancels the open tasks), so the open
     * alerts are closed rather than left to linger: resolution MANUAL, by "registry", with the status as reason.
     */
    public void closeForInactiveCadre(CadreProfile profile) {
        List<Alert> open = Alert.list("cadreId = ?1 and status <> ?2", profile.id, AlertStatus.RESOLVED);
        Instant now = Clock.now();
        for (Alert alert : open) {
            entityManager.lock(alert, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            resolve(alert, Resolution.MANUAL, "cadre " + profile.status, REGISTRY, now);
        }
    }

    public Alert acknowledge(UUID alertId, String by, String note, ScopeCheck scope) {
        Alert alert = lockedForChange(alertId, scope);
        if (alert.isResolved()) {
            throw new ConflictException("Alert " + alertId + " is already resolved");
        }
        if (alert.status == AlertStatus.OPEN) {
            Instant now = Clock.now();
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = now;
            alert.acknowledgedBy = by;
            alert.updatedAt = now;
            history(alert, AlertHistory.Action.ACKNOWLEDGED, by, note, now);
            LOG.infof("Alert %s acknowledged at level %d", alert.id, alert.level);
        }
        return alert;
    }

    /** Resolving an already resolved alert is a no-op answered with the alert, so a retrying client is safe. */
    public Alert resolveByHand(UUID alertId, String by, String reason, ScopeCheck scope) {
        Alert alert = lockedForChange(alertId, scope);
        if (!alert.isResolved()) {
            resolve(alert, Resolution.MANUAL, reason, by, Clock.now());
        }
        return alert;
    }

    /**
     * A MustVisitTaskCompleted: the alert resolves once every layer has been visited for it, at whatever level. A late
     * visit (completing a task that was already MISSED and escalated) still means the responsible party went: the
     * escalation has done its work, and asking for another visit would only burden the cadre.
     */
    public void taskCompleted(UUID alertId, int level, String layer, UUID taskId, UUID visitId, Instant completedAt) {
        Alert alert = lockedOrThrow(alertId);
        int inserted = entityManager.createNativeQuery("insert into alert_task_completion (alert_id, level, layer, "
                + "task_id, visit_id, completed_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, alertId)
                .setParameter(2, level)
                .setParameter(3, layer)
                .setParameter(4, taskId)
                .setParameter(5, visitId)
                .setParameter(6, completedAt)
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        Instant now = Clock.now();
        history(alert, AlertHistory.Action.TASK_COMPLETED, VISIT_SERVICE,
                layer + " task " + taskId + " completed at level " + level, now);
        alert.updatedAt = now;
        if (alert.isResolved()) {
            return;
        }
        List<String> done = completedLayers(alertId);
        if (done.containsAll(alert.layerList())) {
            resolve(alert, Resolution.VISITED, null, VISIT_SERVICE, now);
        }
    }

    /**
     * A VisitMissed of a must-visit task: escalates one level when the miss is of the current level (the UNIT and
     * COMMUNITY misses of one level escalate once); the ladder stops at level 3.
     */
    public void taskMissed(UUID alertId, int level, String layer, UUID taskId) {
        Alert alert = lockedOrThrow(alertId);
        Instant now = Clock.now();
        history(alert, AlertHistory.Action.TASK_MISSED, VISIT_SERVICE, layer + " task " + taskId + " missed at level "
                + level, now);
        alert.updatedAt = now;
        if (alert.isResolved() || level != alert.level) {
            LOG.debugf("Miss of task %s at level %d leaves alert %s at level %d (%s)", taskId, level, alert.id,
                    alert.level, alert.status);
            return;
        }
        if (alert.level >= Alert.TOP_LEVEL) {
            LOG.warnf("Alert %s missed at the top level %d; it stays with the district bureau", alert.id, alert.level);
            return;
        }
        escalate(alert, VISIT_SERVICE, "", now);
    }

    /**
     * Overdue alerts (not resolved, below the top level, current deadline before {@code cutoff}), oldest deadline
     * first. A plain read: {@link #escalateOverdue} re-checks each one under its row lock. The literals match the
     * partial index {@code alert_overdue} (V2), so the scan reads only what is due.
     */
    public List<UUID> overdue(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(OVERDUE_SQL, UUID.class)
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    public static final String OVERDUE_SQL = "select id from alert where status <> 'RESOLVED' and level < "
            + Alert.TOP_LEVEL + " and deadline < ?1 order by deadline limit ?2";

    /**
     * The deadline watch's escalation of one overdue alert, in its own transaction: the row is taken with
     * {@code FOR UPDATE SKIP LOCKED} and re-checked, so another replica's watch or a VisitMissed being applied right
     * now (which holds the row) makes this a no-op, and an alert already escalated for that level (new deadline)
     * no longer matches. Escalates exactly as a VisitMissed of the current level would.
     *
     * @return whether this call escalated the alert
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean escalateOverdue(UUID alertId, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Alert> due = entityManager.createNativeQuery("select * from alert where id = ?1 and status <> "
                + "'RESOLVED' and level < " + Alert.TOP_LEVEL + " and deadline < ?2 for update skip locked", Alert.class)
                .setParameter(1, alertId)
                .setParameter(2, cutoff)
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Alert alert = due.get(0);
        escalate(alert, DEADLINE_WATCH, "; escalated by the deadline watch: deadline " + alert.deadline
                + " passed and no VisitMissed was reported", Clock.now());
        return true;
    }

    /** One level up with a new deadline; the new level has to acknowledge. Caller holds the row lock. */
    private void escalate(Alert alert, String actor, String why, Instant now) {
        CadreProfile profile = profiles.find(alert.cadreId);
        int from = alert.level;
        alert.level = from + 1;
        alert.deadline = now.plus(Duration.parse(alert.escalateEvery));
        alert.status = AlertStatus.OPEN;
        alert.acknowledgedAt = null;
        alert.acknowledgedBy = null;
        alert.layers = layersOf(profile);
        alert.updatedAt = now;
        history(alert, AlertHistory.Action.ESCALATED, actor, "level " + from + " → " + alert.level
                + " (" + Ladder.levelLabel(alert.level) + ")" + why, now);
        events.escalated(alert, profile, from, now);
        LOG.infof("Alert %s escalated %d → %d by %s, deadline %s", alert.id, from, alert.level, actor, alert.deadline);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Alert get(UUID alertId) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            throw new NotFoundException("Alert", alertId);
        }
        return alert;
    }

    private void resolve(Alert alert, Resolution resolution, String reason, String by, Instant now) {
        alert.status = AlertStatus.RESOLVED;
        alert.resolution = resolution;
        alert.resolveReason = reason;
        alert.resolvedBy = by;
        alert.resolvedAt = now;
        alert.updatedAt = now;
        history(alert, AlertHistory.Action.RESOLVED, by, resolution + (reason == null ? "" : ": " + reason), now);
        events.resolved(alert);
        LOG.infof("Alert %s resolved (%s) at level %d", alert.id, resolution, alert.level);
    }

    private Alert lockedForChange(UUID alertId, ScopeCheck scope) {
        Alert alert = lockedOrThrow(alertId);
        scope.requireChangeable(alert);
        return alert;
    }

    private static Alert lockedOrThrow(UUID alertId) {
        Alert alert = Alert.lockedById(alertId);
        if (alert == null) {
            throw new NotFoundException("Alert", alertId);
        }
        return alert;
    }

    private List<String> completedLayers(UUID alertId) {
        @SuppressWarnings("unchecked")
        List<String> layers = entityManager.createNativeQuery(
                "select distinct layer from alert_task_completion where alert_id = ?1")
                .setParameter(1, alertId)
                .getResultList();
        return layers;
    }

    private String layersOf(CadreProfile profile) {
        return ladder.layers(profile, profiles.contacts(profile)).stream()
                .map(AlertEvents.LayerOrg::layer)
                .collect(Collectors.joining(","));
    }

    private static void history(Alert alert, AlertHistory.Action action, String actor, String note, Instant at) {
        AlertHistory entry = new AlertHistory();
        entry.alertId = alert.id;
        entry.at = at;
        entry.action = action;
        entry.level = alert.level;
        entry.actor = actor;
        entry.note = note;
        entry.persist();
    }

    /** The caller's right to change one alert, checked after the alert is loaded. */
    @FunctionalInterface
    public interface ScopeCheck {
        void requireChangeable(Alert alert);
    }
}
