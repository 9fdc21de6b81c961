package shouwang.alert.signal;

import java.util.UUID;

/** The answer to a signal: the alert it raised, joined or will raise, and whether it had been seen before. */
public record SignalOutcome(UUID signalId, UUID alertId, SignalStatus status, boolean duplicate) {
}
