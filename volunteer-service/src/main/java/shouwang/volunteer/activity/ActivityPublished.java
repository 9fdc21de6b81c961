package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when an activity is created. Key: the activity.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ActivityPublished(UUID activityId, String title, ActivityKind kind, String communityCode, int capacity,
        int sessions, Instant firstStartsAt, String districtCode) {

    static ActivityPublished of(Activity activity, String districtCode) {
        return new ActivityPublished(activity.id, activity.title, activity.kind, activity.communityCode,
                activity.capacity, activity.sessionCount, activity.firstStartsAt, districtCode);
    }
}
