package shouwang.volunteer.cadre;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.kit.security.Placement;

/**
 * The part of a registry profile on {@code cadre-profiles} that volunteering reads; every event type there carries
 * the full profile. Without {@code id}, {@code version} or {@code status} a record is poison, and so is one whose
 * values do not fit {@code cadre_ref}'s columns (V1): refused here it is dead-lettered at once with the field named,
 * where the database's "value too long" was retried as an unexpected failure, holding up the partition, and a null
 * category was stored as the text "null". At most 10 categories of 40 fit special_categories' 500 characters.
 * <p>
 * The dates of leaving are kept as text and read leniently: a malformed one must not dead-letter a death notice, the
 * day falls back to the profile's change time, then to today.
 */
public record CadreProfile(
        @NotNull UUID id,
        @NotNull Long version,
        @NotBlank @Size(max = 20) String status,
        @Size(max = 100) String name,
        @Size(max = 40) String phone,
        @Size(max = 64) String communityCode,
        @Size(max = 64) String gridCode,
        @Size(max = 64) String unitCode,
        @Size(max = 20) String selfCare,
        @Size(max = 10) List<@NotNull @Size(max = 40) String> specialCategories,
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
