package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.UUID;

/** A pairing not ended yet: its volunteer is the cadre's NEIGHBOUR-layer contact, at the pairing's cadence. */
public record ActivePairing(UUID pairingId, UUID cadreId, String volunteerName, String volunteerPhone,
        String cadence, LocalDate startedOn) {
}
