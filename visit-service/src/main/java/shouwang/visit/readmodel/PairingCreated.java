package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** volunteering {@code PairingCreated}, the fields visit-service reads: the volunteer becomes a NEIGHBOUR contact. */
public record PairingCreated(@NotNull UUID pairingId, @NotNull UUID cadreId, UUID volunteerId, String volunteerName,
        String volunteerPhone, String cadence, LocalDate startedOn) {
}
