package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.alert.cadre.CadreChanged;
import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreRepository;
import shouwang.alert.cadre.ProfilesApplied;
import shouwang.alert.org.OrgDirectory;
import shouwang.alert.policy.KindRule;
import shouwang.alert.policy.Policy;
import shouwang.alert.policy.PolicyService;
import shouwang.alert.signal.Alerting;
import shouwang.kit.clock.Clock;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.Caller;

/**
 * An alert's life: raised or joined by signals, escalated by missed tasks or the deadline watch, resolved by visits
 * or by hand, following its cadre's profile. The ladder's rules are {@link Ladder}'s; this applies them under the
 * alert's row lock.
 */
@ApplicationScoped
@Transactional
public class AlertService implements Alerting {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    public static final String VISIT_SERVICE = "visit-service";
    private static final String REGISTRY = "registry-service";
    /** The kind of this service's tombstones (kit Tombstones): alerts whose cadre moved away. */
    public static final String TOMBSTONE_KIND = "ALERT";
    /** Actor of escalations made by {@link DeadlineWatch} (no VisitMissed arrived in time). */
    public static final String DEADLINE_WATCH = "deadline-watch";
    /** Open alerts follow a changed profile before signals waiting for it are applied (signal observes later). */
    private static final int BEFORE_SIGNALS = 1000;

    @Inject
    PolicyService policies;

    @Inject
    CadreRepository cadres;

    @Inject
    AlertRepository repository;

    @Inject
    Ladder ladder;

    @Inject
    AlertEvents events;

    @Inject
    Clock clock;

    @Inject
    OrgDirectory orgs;

    @Inject
    Tombstones tombstones;

    @Inject
    AlertMetrics metrics;

    /** Joins the signal into the cadre's open alert of its kind, or raises a new one. Caller holds the cadre lock. */
    @Override
    public Placed raiseOrJoin(Alerting.Signal signal, CadreProfile profile) {
        Instant now = clock.now();
        Alert open = Alert.openOf(signal.cadreId(), signal.kind());
        if (open != null) {
            open.updatedAt = now;
            history(open, AlertHistory.Action.SIGNAL_JOINED, signal.reportedBy(), "signal " + signal.signalId(), now);
            LOG.infof("Signal %s joined alert %s (%s, cadre %s)", signal.signalId(), open.id, open.kind, open.cadreId);
            return new Placed(open.id, true);
        }
        // the policy of the cadre's district (its own, else the city default); the alert keeps the version it got
        String district = orgs.districtOf(profile.placement().communityCode, profile.streetCode).orElse(null);
        Policy policy = policies.current(district);
        KindRule rule = policy.rule(signal.kind());
        Ladder.Step start = Ladder.start(rule, now);
        Alert alert = new Alert();
        alert.id = signal.reservedAlertId() != null ? signal.reservedAlertId() : UUID.randomUUID();
        alert.cadreId = signal.cadreId();
        alert.kind = signal.kind();
        alert.status = AlertStatus.OPEN;
        alert.level = start.level();
        alert.raisedAt = now;
        alert.deadline = start.deadline();
        alert.placement = profile.placement().copy();
        List<LayerOrg> layers = layersAt(alert.level, profile, alert.id);
        alert.layers = namesOf(layers);
        alert.policyVersion = policy.version();
        alert.escalateEvery = rule.escalateEvery().toString();
        alert.updatedAt = now;
        alert.persist();
        history(alert, AlertHistory.Action.RAISED, signal.reportedBy(), "signal " + signal.signalId(), now);
        events.raised(alert, profile, signal, layers, district);
        LOG.infof("Alert %s raised: %s for cadre %s, deadline %s, policy v%d, district %s (signal %s)", alert.id,
                alert.kind, alert.cadreId, alert.deadline, alert.policyVersion, district, signal.signalId());
        return new Placed(alert.id, false);
    }

    /**
     * Newer profiles: open alerts follow the cadre when registry moves it (so scope filters see them where it lives
     * now), and a cadre who died or moved away will get no more visits (visit-service cancels the open tasks), so
     * its open alerts are closed rather than left to linger: resolution MANUAL, by registry, the status as reason.
     * The batch's open alerts are read (and row-locked) with one query; during a bulk load there are almost none.
     */
    void followProfiles(@Observes @Priority(BEFORE_SIGNALS) ProfilesApplied applied) {
        Map<UUID, CadreChanged> changes = applied.byCadre();
        Instant at = clock.now();
        for (Alert alert : repository.openAlertsOf(applied.cadreIds())) {
            CadreProfile profile = changes.get(alert.cadreId).profile();
            if (!alert.placement().equals(profile.placement())) {
                // an offline device that saw the alert where the cadre lived learns to drop it (GET /alerts removed)
                tombstones.record(TOMBSTONE_KIND, alert.id, alert.placement(), profile.placement(), Tombstones.MOVED,
                        at);
                alert.placement = profile.placement().copy();
                alert.updatedAt = at;
                LOG.infof("Alert %s follows cadre %s to community %s", alert.id, profile.id,
                        profile.placement().communityCode);
            }
            if (!profile.isActive()) {
                resolve(alert, Resolution.MANUAL, "cadre " + profile.status, REGISTRY, at);
            }
        }
    }

    /** OPEN → ACKNOWLEDGED; again is a no-op; a resolved alert is a conflict. 403 outside the caller's scope. */
    public Alert acknowledge(UUID alertId, Caller caller, String note) {
        Alert alert = lockedForChange(alertId, caller);
        if (alert.isResolved()) {
            throw new ConflictException("Alert " + alertId + " is already resolved");
        }
        if (alert.status == AlertStatus.OPEN) {
            Instant now = clock.now();
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedAt = now;
            alert.acknowledgedBy = caller.username();
            alert.updatedAt = now;
            history(alert, AlertHistory.Action.ACKNOWLEDGED, caller.username(), note, now);
            LOG.infof("Alert %s acknowledged at level %d", alert.id, alert.level);
        }
        return alert;
    }

    /** Resolving an already resolved alert is a no-op answered with the alert, so a retrying client is safe. */
    public Alert resolveByHand(UUID alertId, Caller caller, ManualReason reason, String note) {
        Alert alert = lockedForChange(alertId, caller);
        if (!alert.isResolved()) {
            // reason code first: what the audit counts; the note is what the admin checked
            resolve(alert, Resolution.MANUAL, reason.name() + " " + reason.label() + "：" + note, caller.username(),
                    clock.now());
            LOG.infof("Alert %s resolved by hand without a visit by %s, reason %s", alert.id, caller.username(),
                    reason);
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
        if (!repository.recordCompletion(alertId, level, layer, taskId, visitId, completedAt)) {
            return;
        }
        Instant now = clock.now();
        history(alert, AlertHistory.Action.TASK_COMPLETED, VISIT_SERVICE,
                layer + " task " + taskId + " completed at level " + level, now);
        alert.updatedAt = now;
        if (alert.isResolved()) {
            return;
        }
        CadreProfile profile = cadres.find(alert.cadreId);
        if (Ladder.resolvedBy(repository.completedLayers(alertId), alert.layerList(),
                ladder.responsibleLayers(cadreOf(profile)))) {
            resolve(alert, Resolution.VISITED, null, VISIT_SERVICE, now);
        }
    }

    /** A VisitMissed of a must-visit task: recorded, and escalated as {@link Ladder#onMiss} decides. */
    public void taskMissed(UUID alertId, int level, String layer, UUID taskId) {
        Alert alert = lockedOrThrow(alertId);
        Instant now = clock.now();
        history(alert, AlertHistory.Action.TASK_MISSED, VISIT_SERVICE, layer + " task " + taskId + " missed at level "
                + level, now);
        alert.updatedAt = now;
        switch (Ladder.onMiss(alert.isResolved(), alert.level, level)) {
            case RECORDED -> LOG.debugf("Miss of task %s at level %d leaves alert %s at level %d (%s)", taskId, level,
                    alert.id, alert.level, alert.status);
            case AT_TOP -> LOG.warnf("Alert %s missed at the top level %d; it stays with the district bureau",
                    alert.id, alert.level);
            case ESCALATES -> escalate(alert, VISIT_SERVICE, "", now);
        }
    }

    /** Overdue alerts before {@code cutoff}, oldest deadline first; {@link #escalateOverdue} re-checks each. */
    public List<UUID> overdue(Instant cutoff, int limit) {
        return repository.overdue(cutoff, limit);
    }

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
        Alert alert = repository.lockIfOverdue(alertId, cutoff);
        if (alert == null) {
            return false;
        }
        escalate(alert, DEADLINE_WATCH, "; escalated by the deadline watch: deadline " + alert.deadline
                + " passed and no VisitMissed was reported", clock.now());
        return true;
    }

    /** One level up with a new deadline; the new level has to acknowledge. Caller holds the row lock. */
    private void escalate(Alert alert, String actor, String why, Instant now) {
        CadreProfile profile = cadres.find(alert.cadreId);
        int from = alert.level;
        Ladder.Step next = Ladder.above(from, alert.escalationInterval(), now);
        alert.level = next.level();
        alert.deadline = next.deadline();
        alert.status = AlertStatus.OPEN;
        alert.acknowledgedAt = null;
        alert.acknowledgedBy = null;
        List<LayerOrg> layers = layersAt(alert.level, profile, alert.id);
        alert.layers = namesOf(layers);
        alert.updatedAt = now;
        history(alert, AlertHistory.Action.ESCALATED, actor, "level " + from + " → " + alert.level
                + " (" + Ladder.levelLabel(alert.level) + ")" + why, now);
        events.escalated(alert, profile, from, now, layers);
        metrics.escalated(alert.level);
        LOG.infof("Alert %s escalated %d → %d by %s, deadline %s", alert.id, from, alert.level, actor, alert.deadline);
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

    /** 404 for an unknown id; 403 when the alert's cadre is outside the caller's scope. */
    private static Alert lockedForChange(UUID alertId, Caller caller) {
        Alert alert = lockedOrThrow(alertId);
        caller.requireCadre(alert.placement());
        return alert;
    }

    private static Alert lockedOrThrow(UUID alertId) {
        Alert alert = Alert.lockedById(alertId);
        if (alert == null) {
            throw new NotFoundException("Alert", alertId);
        }
        return alert;
    }

    /** The layers, orgs and people of a level, from the cadre's profile and the org records held now. */
    private List<LayerOrg> layersAt(int level, CadreProfile profile, UUID alertId) {
        List<LayerOrg> layers = ladder.layers(level, cadreOf(profile), orgs);
        if (level == 2 && Ladder.BUREAU.equals(layers.get(0).layer())) {
            LOG.warnf("Alert %s: no street known for community %s (no org record, no streetCode); level 2 asks the "
                    + "district bureau instead", alertId, profile.placement().communityCode);
        }
        return layers;
    }

    private Ladder.Cadre cadreOf(CadreProfile profile) {
        return new Ladder.Cadre(profile.placement(), cadres.contacts(profile), profile.streetCode);
    }

    private static String namesOf(List<LayerOrg> layers) {
        return layers.stream().map(LayerOrg::layer).collect(Collectors.joining(","));
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
}
