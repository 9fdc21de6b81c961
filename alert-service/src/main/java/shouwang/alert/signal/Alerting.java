package shouwang.alert.signal;

import java.util.UUID;

import shouwang.alert.cadre.CadreProfile;

/**
 * Where an applicable signal goes: into the cadre's open alert of its kind, or into a new alert. The escalation
 * capability implements it; declaring it here keeps the dependency one way (escalation uses signal, signal never
 * names escalation). The signal itself is only read: intake records the answer on it.
 */
public interface Alerting {

    /** Raises or joins; the caller holds the cadre lock. */
    Placed raiseOrJoin(Signal signal, CadreProfile profile);

    /**
     * @param reservedAlertId the id a signal that waited for the profile reserved for the alert it will open, else
     *                        null
     */
    record Signal(UUID signalId, UUID cadreId, SignalKind kind, String reportedBy, UUID reservedAlertId,
            String details, UUID serviceRequestId, String serviceType) {
    }

    /** The alert the signal is now part of, and whether it joined an open one. */
    record Placed(UUID alertId, boolean joined) {
    }
}
