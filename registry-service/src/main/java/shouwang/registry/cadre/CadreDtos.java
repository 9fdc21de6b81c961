package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import shouwang.kit.security.Placement;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** REST bodies of the cadre capability (the event data is {@link CadreProfile}). */
public final class CadreDtos {

    private CadreDtos() {
    }

    /**
     * POST and PUT body. {@code gender} and {@code birthDate} may be left out: they are then read from the ID card
     * number. On PUT, {@code contacts} and {@code familyContacts} left out (null) keep their current values.
     */
    public record CadreInput(UUID id, String name, Gender gender, LocalDate birthDate, String idNumber,
            RetirementType retirementType, Rank rank, Boolean partyMember, String unitCode, String communityCode,
            String gridCode, LivingArrangement livingArrangement, SelfCare selfCare,
            Set<SpecialCategory> specialCategories, String phone, String address, String notes,
            List<FamilyContact> familyContacts, List<Contact> contacts) {

        /** Where the body places the cadre. */
        public Placement placement() {
            return new Placement(communityCode, gridCode, unitCode);
        }
    }

    /**
     * A move: to another community/grid of the district ({@code communityCode}, optional {@code gridCode}), or out of
     * the district ({@code leavesDistrict: true}, status MOVED_AWAY). {@code movedOn} defaults to today.
     */
    public record MoveInput(String communityCode, String gridCode, String address, LocalDate movedOn,
            Boolean leavesDistrict) {
    }

    public record DeathInput(LocalDate diedOn) {
    }

    /** A cadre as the API shows it; {@code idNumber} is masked unless the caller is district-admin. */
    public record CadreView(UUID id, long version, String name, Gender gender, LocalDate birthDate, int age,
            String idNumber, String idNumberMasked, RetirementType retirementType, Rank rank, boolean partyMember,
            String unitCode, String communityCode, String gridCode, LivingArrangement livingArrangement,
            SelfCare selfCare, Set<SpecialCategory> specialCategories, boolean keyServiceTarget,
            List<ContactLayer> missingContactLayers, String phone, String address, String notes,
            List<FamilyContact> familyContacts, List<Contact> contacts, CadreStatus status, LocalDate deceasedOn,
            LocalDate movedAwayOn, Instant createdAt, Instant updatedAt, String partyBranchCode, UUID householdId,
            List<UUID> householdMemberIds) {
    }

    /** {@code PUT /cadres/{id}/party-branch}: the branch of a party member; null takes the cadre out of its branch. */
    public record PartyBranchInput(String branchCode) {
    }

    /** {@code PUT /cadres/{id}/household}: the cadre lives with {@code withCadreId} (两老同住). */
    public record HouseholdInput(UUID withCadreId) {
    }
}
