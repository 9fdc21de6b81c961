package shouwang.alert.cadre;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of a cadre-profiles event this service reads; every other field is ignored. */
public record ProfileData(UUID id, Long version, Instant updatedAt, String name, String communityCode,
        String gridCode, String unitCode, String status, List<Contact> contacts) {
}
