package shouwang.volunteer.pairing;

import java.time.LocalDate;
import java.util.UUID;

import shouwang.volunteer.roster.Volunteer;

/**
 * On volunteering when a volunteer starts looking after a cadre (visit-service makes them the cadre's NEIGHBOUR-layer
 * contact); communityCode and gridCode (the helped cadre's) are additions to docs/events.md. Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record PairingCreated(UUID pairingId, UUID cadreId, UUID volunteerId, UUID volunteerCadreId,
        String volunteerName, String volunteerPhone, String cadence, LocalDate startedOn, String communityCode,
        String gridCode, String districtCode) {

    static PairingCreated of(Pairing pairing, Volunteer volunteer, String districtCode) {
        return new PairingCreated(pairing.id, pairing.cadreId, volunteer.id, volunteer.cadreId, volunteer.name,
                volunteer.phone, pairing.cadence, pairing.startedOn, pairing.placement().communityCode,
                pairing.placement().gridCode, districtCode);
    }
}
