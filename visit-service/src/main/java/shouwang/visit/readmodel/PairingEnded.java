package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** volunteering {@code PairingEnded}; {@code cadreId} is needed only when the pairing was never seen to start. */
public record PairingEnded(@NotNull UUID pairingId, UUID cadreId, UUID volunteerId, LocalDate endedOn,
        String reason) {
}
