package shouwang.volunteer.activity;

import java.util.UUID;

/** On volunteering when a cadre takes a place in an activity. Key: the cadre. */
public record ActivityEnrolled(UUID activityId, UUID enrolmentId, UUID cadreId, int enrolledCount, int capacity) {

    static ActivityEnrolled of(Activity activity, Enrolment enrolment) {
        return new ActivityEnrolled(activity.id, enrolment.id, enrolment.cadreId, activity.enrolledCount,
                activity.capacity);
    }
}
