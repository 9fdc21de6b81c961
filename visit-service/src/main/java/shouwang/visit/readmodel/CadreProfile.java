package shouwang.visit.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import shouwang.visit.Layer;

/**
 * The part of a cadre-profiles event that visit-service keeps (every event type there carries the full profile):
 * where the cadre lives, its risk factors, its contacts and its status. A profile without id or version is poison.
 */
public record CadreProfile(
        @NotNull UUID id,
        @NotNull Long version,
        String name,
        LocalDate birthDate,
        String unitCode,
        String communityCode,
        String gridCode,
        String livingArrangement,
        String selfCare,
        List<String> specialCategories,
        Boolean keyServiceTarget,
        String status,
        List<@Valid @NotNull LayerContact> contacts) {

    /** The contact the registry made responsible for one layer. */
    public record LayerContact(@NotNull Layer layer, String name, String phone, String orgCode) {
    }
}
