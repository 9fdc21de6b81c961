package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.visit.Layer;

/**
 * The part of a cadre-profiles event that visit-service keeps (every event type there carries the full profile):
 * where the cadre lives, its risk factors, its contacts and its status. A profile without id or version is poison,
 * and so is a text longer than its read-model column (at once, with the field named, not after retries of the insert).
 */
public record CadreProfile(
        @NotNull UUID id,
        @NotNull Long version,
        @Size(max = 100) String name,
        LocalDate birthDate,
        @Size(max = 50) String unitCode,
        @Size(max = 50) String communityCode,
        @Size(max = 50) String gridCode,
        @Size(max = 30) String livingArrangement,
        @Size(max = 20) String selfCare,
        List<String> specialCategories,
        Boolean keyServiceTarget,
        @Size(max = 20) String status,
        List<@Valid @NotNull LayerContact> contacts,
        @Size(max = 50) String partyBranchCode,
        UUID householdId,
        @Size(max = 50) List<@NotNull UUID> householdMemberIds) {

    /** The contact the registry made responsible for one layer. */
    public record LayerContact(@NotNull Layer layer, @Size(max = 100) String name, @Size(max = 30) String phone,
            @Size(max = 50) String orgCode) {
    }
}
