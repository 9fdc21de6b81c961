package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import shouwang.kit.events.EventName;

/**
 * {@code VisitMissed} of kind EMERGENCY_CHECK on {@code visits}: an active cadre of a running emergency campaign was
 * not contacted by the day's cut-off ({@code deadline}); once per cadre, campaign and district day ({@code on}).
 * {@code districtCode}: the district of the cadre's community (null when unknown).
 */
@EventName("VisitMissed")
public record EmergencyCheckMissed(String kind, UUID campaignId, UUID cadreId, LocalDate on, Instant deadline,
        Instant detectedAt, String communityCode, String gridCode, String unitCode, String districtCode) {

    static EmergencyCheckMissed of(UUID campaignId, CampaignRepository.Unreached cadre, LocalDate on, Instant cutOff,
            Instant detectedAt, String districtCode) {
        return new EmergencyCheckMissed("EMERGENCY_CHECK", campaignId, cadre.cadreId(), on, cutOff, detectedAt,
                cadre.communityCode(), cadre.gridCode(), cadre.unitCode(), districtCode);
    }
}
