package shouwang.volunteer.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * On volunteering when an enrolled cadre's last three recorded sessions of an activity were all absences (连续三次缺勤),
 * once per run; visit-service makes the cadre's grid a visit task of it. Key: the cadre. {@code lastSessionOn} is the
 * district day of the session that made the run three long; {@code communityCode} and {@code gridCode} the cadre's.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ActivityAbsenceFlagged(UUID flagId, UUID cadreId, UUID activityId, String activityTitle,
        ActivityKind activityKind, LocalDate lastSessionOn, String communityCode, String gridCode, Instant flaggedAt, String districtCode) {
}
