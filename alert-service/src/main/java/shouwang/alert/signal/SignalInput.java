package shouwang.alert.signal;

import java.time.Instant;
import java.util.UUID;

/** A signal as received, whichever path it came by. */
public record SignalInput(UUID signalId, UUID cadreId, SignalKind kind, Instant occurredAt, String details,
        String reportedBy, CareSignal.Channel channel, UUID serviceRequestId, String serviceType) {

    /** A signal that names no service (every kind but a help request). */
    public SignalInput(UUID signalId, UUID cadreId, SignalKind kind, Instant occurredAt, String details,
            String reportedBy, CareSignal.Channel channel) {
        this(signalId, cadreId, kind, occurredAt, details, reportedBy, channel, null, null);
    }
}
