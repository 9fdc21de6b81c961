package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/**
 * The data of every cadre-profiles event: the full current profile (docs/events.md), plus {@code streetName} and
 * {@code streetCode} (the street of the cadre's community; null when the community names no street record), and
 * {@code districtCode} (that street's district at publish time; null in a one-district install or when unknown).
 * The field order is the JSON order on the topic.
 */
public record CadreProfile(UUID id, long version, Instant updatedAt, String name, Gender gender,
        LocalDate birthDate, String idNumberMasked, RetirementType retirementType, Rank rank, boolean partyMember,
        String unitCode, String communityCode, String gridCode, String streetName, String streetCode, String districtCode,
        LivingArrangement livingArrangement, SelfCare selfCare, Set<SpecialCategory> specialCategories,
        boolean keyServiceTarget, String phone, String address, CadreStatus status, LocalDate deceasedOn,
        LocalDate movedAwayOn, List<Contact> contacts, String partyBranchCode, UUID householdId,
        List<UUID> householdMemberIds) {
}
