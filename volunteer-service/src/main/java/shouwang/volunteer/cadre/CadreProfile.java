package shouwang.volunteer.cadre;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import shouwang.kit.security.Placement;

/**
 * The part of a registry profile on {@code cadre-profiles} that volunteering reads; every event type there carries
 * the full profile. Without {@code id}, {@code version} or {@code status} a record is poison.
 * <p>
 * The dates of leaving are kept as text and read leniently: a malformed one must not dead-letter a death notice, the
 * day falls back to the profile's change time, then to today.
 */
public record CadreProfile(
        @NotNull UUID id,
        @NotNull Long version,
        @NotBlank String status,
        String name,
        String phone,
        String communityCode,
        String gridCode,
        String unitCode,
        String selfCare,
        List<String> specialCategories,
        String deceasedOn,
        String movedAwayOn,
        String updatedAt) {

    public Placement placement() {
        return new Placement(communityCode, gridCode, unitCode);
    }

    /** Registry codes joined by commas, as {@link CadreRef} keeps them. */
    public String categoriesText() {
        return specialCategories == null ? "" : String.join(",", specialCategories);
    }

    /** The day the cadre died or moved away: the profile's date for it, else the day of the change, else today. */
    public LocalDate leftOn(LocalDate today) {
        String date = "DECEASED".equals(status) ? deceasedOn : movedAwayOn;
        if (date != null) {
            try {
                return LocalDate.parse(date);
            } catch (DateTimeParseException ignored) {
                // fall back to the profile's change time
            }
        }
        if (updatedAt != null) {
            try {
                return OffsetDateTime.parse(updatedAt).toLocalDate();
            } catch (DateTimeParseException ignored) {
                // fall back to today
            }
        }
        return today;
    }
}
