package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** volunteering {@code PairingCreated}, the fields visit-service reads: the volunteer becomes a NEIGHBOUR contact. */
public record PairingCreated(@NotNull UUID pairingId, @NotNull UUID cadreId, UUID volunteerId, @Size(max = 100) String volunteerName,
        @Size(max = 30) String volunteerPhone, @Size(max = 20) String cadence, LocalDate startedOn) {
}
