package shouwang.alert.signal;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /signals}. {@code signalId} (or its alias {@code id}, as on every create of the platform) is optional;
 * repeating it returns the same alert.
 */
public record SignalRequest(UUID signalId, UUID id, @NotNull UUID cadreId, @NotNull SignalKind kind,
        Instant occurredAt, @Size(max = MAX_DETAILS) String details, UUID serviceRequestId, ServiceType serviceType) {

    public static final int MAX_DETAILS = 2000;
}
