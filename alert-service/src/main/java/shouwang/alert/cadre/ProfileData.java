package shouwang.alert.cadre;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * The fields of a cadre-profiles event this service reads; every other field is ignored. Every event type of the
 * topic carries the full profile. A profile without id or version is a poison record.
 */
public record ProfileData(@NotNull(message = MISSING) UUID id, @NotNull(message = MISSING) Long version,
        Instant updatedAt, String name, String communityCode, String gridCode, String unitCode, String streetCode,
        String status, List<Contact> contacts) {

    static final String MISSING = "is missing: the profile data lacks id or version";
}
