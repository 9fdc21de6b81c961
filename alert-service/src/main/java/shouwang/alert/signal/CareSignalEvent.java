package shouwang.alert.signal;

import java.time.Instant;
import java.util.UUID;

/** The data of a care-signals event (HospitalisationReported, …, HelpRequested). */
public record CareSignalEvent(UUID signalId, UUID cadreId, SignalKind kind, Instant occurredAt, String details,
        String reportedBy) {

    static CareSignalEvent of(CareSignal signal) {
        return new CareSignalEvent(signal.signalId, signal.cadreId, signal.kind, signal.occurredAt, signal.details,
                signal.reportedBy);
    }
}
