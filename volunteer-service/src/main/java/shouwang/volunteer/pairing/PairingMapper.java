package shouwang.volunteer.pairing;

import shouwang.volunteer.pairing.PairingDtos.PairingCreated;
import shouwang.volunteer.pairing.PairingDtos.PairingEnded;
import shouwang.volunteer.pairing.PairingDtos.PairingView;
import shouwang.volunteer.volunteer.Volunteer;

final class PairingMapper {

    private PairingMapper() {
    }

    static PairingView view(Pairing pairing, Volunteer volunteer) {
        return new PairingView(pairing.id, pairing.cadreId, pairing.volunteerId, volunteer.cadreId, volunteer.name,
                volunteer.phone, pairing.communityCode, pairing.gridCode, pairing.cadence, pairing.startedOn,
                pairing.status, pairing.endedOn, pairing.endReason, pairing.note, pairing.createdBy,
                pairing.createdAt, pairing.updatedAt);
    }

    static PairingCreated created(Pairing pairing, Volunteer volunteer) {
        return new PairingCreated(pairing.id, pairing.cadreId, volunteer.id, volunteer.cadreId, volunteer.name,
                volunteer.phone, pairing.cadence, pairing.startedOn, pairing.communityCode, pairing.gridCode);
    }

    static PairingEnded ended(Pairing pairing) {
        return new PairingEnded(pairing.id, pairing.cadreId, pairing.volunteerId, pairing.endedOn,
                pairing.endReason);
    }
}
