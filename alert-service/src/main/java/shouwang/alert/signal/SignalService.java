package shouwang.alert.signal;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.alert.cadre.CadreChanged;
import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.ProfileAwaited;
import shouwang.alert.cadre.ProfilesApplied;
import shouwang.alert.cadre.CadreRepository;
import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.UnprocessableException;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Roles;

/**
 * Signal intake for every path (REST, partner events on care-signals, the platform's routine lapses). A signal
 * raises an alert, joins the open alert of its kind, or waits for the cadre's profile; its id makes it idempotent.
 */
@ApplicationScoped
@Transactional
public class SignalService {

    public static final String TOPIC = "care-signals";
    /** After the open alerts have followed the profile (escalation observes first), waiting signals are applied. */
    static final int AFTER_ALERTS = 2000;
    private static final Logger LOG = Logger.getLogger(SignalService.class);

    @Inject
    CadreRepository cadres;

    @Inject
    Alerting alerting;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A signal waits for the profile: the cadre's latest profile is looked up on cadre-profiles after the commit. */
    @Inject
    Event<ProfileAwaited> awaited;

    /**
     * @param caller who reports: a REST user is checked against the cadre's profile; the platform (a consumer) is
     *               never refused
     */
    public SignalOutcome intake(SignalInput input, Caller caller) {
        cadres.lock(input.cadreId());
        CadreProfile profile = cadres.find(input.cadreId());
        authorize(caller, profile);
        CareSignal known = CareSignal.findById(input.signalId());
        if (known != null) {
            if (!known.cadreId.equals(input.cadreId()) || known.kind != input.kind()) {
                throw new ConflictException("signalId " + input.signalId() + " was already used for another cadre or kind");
            }
            return new SignalOutcome(known.signalId, known.alertId, known.status, true);
        }
        if (profile != null && !profile.isActive()) {
            throw new ConflictException("Cadre " + input.cadreId() + " is " + profile.status + "; no alert is raised");
        }
        CareSignal signal = new CareSignal();
        signal.signalId = input.signalId();
        signal.cadreId = input.cadreId();
        signal.kind = input.kind();
        signal.occurredAt = input.occurredAt();
        signal.details = input.details();
        signal.reportedBy = input.reportedBy();
        signal.channel = input.channel();
        signal.serviceRequestId = input.serviceRequestId();
        signal.serviceType = input.serviceType();
        signal.receivedAt = clock.now();
        if (profile == null) {
            signal.status = SignalStatus.PENDING_PROFILE;
            signal.alertId = reservedAlertId(input.cadreId(), input.kind());
            signal.persist();
            LOG.infof("Signal %s (%s) for cadre %s waits for the cadre's profile, alert %s reserved", signal.signalId,
                    signal.kind, signal.cadreId, signal.alertId);
            awaited.fire(new ProfileAwaited(signal.cadreId));
        } else {
            signal.placed(alerting.raiseOrJoin(signal.forAlerting(), profile));
            signal.persist();
        }
        if (input.channel() == CareSignal.Channel.REST) {
            outbox.publish(TOPIC, signal.cadreId.toString(), CareSignalEvents.of(SignalReport.of(signal)));
        }
        return new SignalOutcome(signal.signalId, signal.alertId, signal.status, false);
    }

    /**
     * Cadres' profiles have arrived (or changed): apply the signals that were waiting for them, found for the whole
     * batch with one query (during a bulk load almost always none), each cadre's in the order received.
     */
    void releasePending(@Observes @Priority(AFTER_ALERTS) ProfilesApplied applied) {
        Map<UUID, CadreChanged> changes = applied.byCadre();
        for (CareSignal signal : CareSignal.pendingFor(applied.cadreIds())) {
            CadreProfile profile = changes.get(signal.cadreId).profile();
            if (profile.isActive()) {
                signal.placed(alerting.raiseOrJoin(signal.forAlerting(), profile));
            } else {
                signal.status = SignalStatus.REJECTED;
                LOG.infof("Signal %s for cadre %s rejected: the cadre is %s", signal.signalId, profile.id,
                        profile.status);
            }
        }
    }

    /**
     * District admins, partner systems and the platform report for any cadre, even one whose profile has not arrived
     * yet (the signal then waits for it). Scoped workers report only for known cadres inside their scope.
     */
    private static void authorize(Caller caller, CadreProfile profile) {
        if (caller.isPlatform() || caller.hasRole(Roles.DISTRICT_ADMIN) || caller.hasRole(Roles.PARTNER)) {
            return;
        }
        if (profile == null) {
            throw new UnprocessableException("The cadre is not known to alert-service yet (its profile from "
                    + "registry-service has not arrived); retry in a few seconds");
        }
        caller.requireCadre(profile.placement());
    }

    /** Signals of one kind waiting for the same cadre share one reserved alert id, as they will share the alert. */
    private static UUID reservedAlertId(UUID cadreId, SignalKind kind) {
        CareSignal waiting = CareSignal.find("cadreId = ?1 and kind = ?2 and status = ?3", cadreId, kind,
                SignalStatus.PENDING_PROFILE).firstResult();
        return waiting != null ? waiting.alertId : UUID.randomUUID();
    }
}
