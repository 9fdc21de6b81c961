package shouwang.alert.signal;

import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.alert.alert.AlertService;
import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreProfiles;
import shouwang.alert.common.Clock;
import shouwang.alert.common.Locks;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.problem.ConflictException;

/**
 * Signal intake for every path (REST, partner events on care-signals, the platform's routine lapses). A signal
 * raises an alert, joins the open alert of its kind, or waits for the cadre's profile; its id makes it idempotent.
 */
@ApplicationScoped
@Transactional
public class SignalService {

    public static final String TOPIC = "care-signals";
    private static final Logger LOG = Logger.getLogger(SignalService.class);

    @Inject
    Locks locks;

    @Inject
    CadreProfiles profiles;

    @Inject
    AlertService alerts;

    @Inject
    Outbox outbox;

    /**
     * @param authorize checks the caller against the cadre's profile (null when the profile has not arrived);
     *                  throws to refuse
     */
    public SignalOutcome intake(SignalInput input, Consumer<CadreProfile> authorize) {
        locks.cadre(input.cadreId());
        CadreProfile profile = profiles.find(input.cadreId());
        authorize.accept(profile);
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
        signal.receivedAt = Clock.now();
        if (profile == null) {
            signal.status = SignalStatus.PENDING_PROFILE;
            signal.alertId = reservedAlertId(input.cadreId(), input.kind());
            signal.persist();
            LOG.infof("Signal %s (%s) for cadre %s waits for the cadre's profile, alert %s reserved", signal.signalId,
                    signal.kind, signal.cadreId, signal.alertId);
        } else {
            alerts.raiseOrJoin(profile, signal);
            signal.persist();
        }
        if (input.channel() == CareSignal.Channel.REST) {
            outbox.publish(TOPIC, signal.cadreId.toString(), signal.kind.eventName(), CareSignalEvent.of(signal));
        }
        return new SignalOutcome(signal.signalId, signal.alertId, signal.status, false);
    }

    /** The cadre's profile has arrived (or changed): apply the signals that were waiting for it. */
    public void releasePending(CadreProfile profile) {
        for (CareSignal signal : CareSignal.pendingFor(profile.id)) {
            if (profile.isActive()) {
                alerts.raiseOrJoin(profile, signal);
            } else {
                signal.status = SignalStatus.REJECTED;
                LOG.infof("Signal %s for cadre %s rejected: the cadre is %s", signal.signalId, profile.id,
                        profile.status);
            }
        }
    }

    /** Signals of one kind waiting for the same cadre share one reserved alert id, as they will share the alert. */
    private static UUID reservedAlertId(UUID cadreId, SignalKind kind) {
        CareSignal waiting = CareSignal.find("cadreId = ?1 and kind = ?2 and status = ?3", cadreId, kind,
                SignalStatus.PENDING_PROFILE).firstResult();
        return waiting != null ? waiting.alertId : UUID.randomUUID();
    }
}
