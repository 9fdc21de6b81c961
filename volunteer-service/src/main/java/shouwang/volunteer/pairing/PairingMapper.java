package shouwang.volunteer.pairing;

import shouwang.volunteer.pairing.PairingDtos.PairingView;
import shouwang.volunteer.roster.Volunteer;

/** The one place where pairings become REST views (events: {@link PairingCreated}, {@link PairingEnded}). */
final class PairingMapper {

    private PairingMapper() {
    }

    static PairingView view(Pairing pairing, Volunteer volunteer) {
        return new PairingView(pairing.id, pairing.cadreId, pairing.volunteerId, volunteer.cadreId, volunteer.name,
                volunteer.phone, pairing.placement().communityCode, pairing.placement().gridCode,
                pairing.placement().unitCode, pairing.cadence,
                pairing.startedOn, pairing.status, pairing.endedOn, pairing.endReason, pairing.note,
                pairing.createdBy, pairing.createdAt, pairing.updatedAt);
    }
}
