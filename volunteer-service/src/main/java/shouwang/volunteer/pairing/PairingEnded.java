package shouwang.volunteer.pairing;

import java.time.LocalDate;
import java.util.UUID;

/** On volunteering when a pairing ends, by staff or because a cadre left. Key: the cadre. */
public record PairingEnded(UUID pairingId, UUID cadreId, UUID volunteerId, LocalDate endedOn, String reason) {

    static PairingEnded of(Pairing pairing) {
        return new PairingEnded(pairing.id, pairing.cadreId, pairing.volunteerId, pairing.endedOn, pairing.endReason);
    }
}
