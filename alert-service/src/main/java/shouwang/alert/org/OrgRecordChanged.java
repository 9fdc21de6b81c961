package shouwang.alert.org;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * org-records / OrgRecordChanged, the full current record (the newest version wins). A record without kind, code or
 * version is a poison record; an unknown kind too (the enum does not read it).
 */
public record OrgRecordChanged(@NotNull(message = "is missing") OrgKind kind,
        @NotBlank(message = "is missing") String code, String name, String parentCode, Boolean active,
        @NotNull(message = "is missing") Long version, Instant updatedAt, List<Person> people) {
}
