package shouwang.alert.signal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The data of every care-signals event (HospitalisationReported, …, HelpRequested): what this service announces for
 * a REST signal, and what it reads from partners (other fields ignored). The kind also follows from the event name;
 * a partner may leave {@code kind}, {@code signalId}, {@code occurredAt} and {@code reportedBy} out.
 */
public record SignalReport(UUID signalId, @NotNull UUID cadreId, SignalKind kind, Instant occurredAt,
        @Size(max = SignalRequest.MAX_DETAILS) String details, String reportedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID serviceRequestId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = ServiceType.MAX_CODE) String serviceType) {

    static SignalReport of(CareSignal signal) {
        return new SignalReport(signal.signalId, signal.cadreId, signal.kind, signal.occurredAt, signal.details,
                signal.reportedBy, signal.serviceRequestId, signal.serviceType);
    }
}
