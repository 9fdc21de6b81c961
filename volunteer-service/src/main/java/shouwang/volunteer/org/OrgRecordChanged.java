package shouwang.volunteer.org;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * org-records {@code OrgRecordChanged}: the full current record of a unit, street, community, grid, district or the
 * bureau (newest version wins). Without kind, code or version it is poison. Its {@code people} are ignored here.
 */
public record OrgRecordChanged(
        @NotNull @Pattern(regexp = "UNIT|STREET|COMMUNITY|GRID|BUREAU|DISTRICT") String kind,
        @NotBlank @Size(max = 64) String code,
        @Size(max = 200) String name,
        @Size(max = 64) String parentCode,
        Boolean active,
        @NotNull Long version,
        Instant updatedAt) {
}
