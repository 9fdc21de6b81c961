package shouwang.alert.signal;

import java.util.UUID;

/** {@code 202} answer of {@code POST /signals}. */
public record SignalAccepted(UUID alertId, UUID signalId, SignalStatus status, boolean duplicate) {

    public static SignalAccepted of(SignalOutcome outcome) {
        return new SignalAccepted(outcome.alertId(), outcome.signalId(), outcome.status(), outcome.duplicate());
    }
}
