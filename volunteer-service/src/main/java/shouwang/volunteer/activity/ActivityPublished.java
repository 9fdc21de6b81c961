package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when an activity is created. Key: the activity. */
public record ActivityPublished(UUID activityId, String title, ActivityKind kind, String communityCode, int capacity,
        int sessions, Instant firstStartsAt) {

    static ActivityPublished of(Activity activity) {
        return new ActivityPublished(activity.id, activity.title, activity.kind, activity.communityCode,
                activity.capacity, activity.sessionCount, activity.firstStartsAt);
    }
}
