package shouwang.visit.org;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * org-records {@code OrgRecordChanged}: the full current record of a unit, street, community, grid or the bureau
 * (newest version wins). Without kind, code or version it is poison.
 */
public record OrgRecordChanged(
        @NotNull @Pattern(regexp = "UNIT|STREET|COMMUNITY|GRID|BUREAU|DISTRICT") String kind,
        @NotBlank @Size(max = 50) String code,
        @Size(max = 200) String name,
        @Size(max = 50) String parentCode,
        Boolean active,
        @NotNull Long version,
        Instant updatedAt,
        @Size(max = 50) List<@Valid @NotNull Person> people) {

    /** Who answers for the org: its LEADER(s) and DUTY_OFFICER(s). */
    public record Person(@Size(max = 30) String role, @Size(max = 100) String name, @Size(max = 30) String phone) {
    }
}
