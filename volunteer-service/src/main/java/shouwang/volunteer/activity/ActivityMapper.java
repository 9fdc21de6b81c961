package shouwang.volunteer.activity;

import java.util.List;

import shouwang.volunteer.activity.ActivityDtos.ActivityView;
import shouwang.volunteer.activity.ActivityDtos.EnrolmentView;
import shouwang.volunteer.activity.ActivityDtos.MyActivityView;
import shouwang.volunteer.activity.ActivityDtos.SessionView;
import shouwang.volunteer.cadre.CadreRef;

/** The one place where activity entities become REST views (events: {@link ActivityPublished} and the others). */
final class ActivityMapper {

    private ActivityMapper() {
    }

    static ActivityView view(Activity activity, List<ActivitySession> sessions) {
        return new ActivityView(activity.id, activity.title, activity.kind, activity.kind.label(),
                activity.communityCode, activity.capacity, activity.enrolledCount, activity.remaining(),
                activity.description, activity.teacher, activity.sessionCount, activity.firstStartsAt,
                activity.lastEndsAt, sessions == null ? null : sessions.stream().map(ActivityMapper::view).toList(),
                activity.createdBy, activity.createdAt, activity.updatedAt);
    }

    static SessionView view(ActivitySession session) {
        return session == null ? null
                : new SessionView(session.n, session.startsAt, session.endsAt, session.place,
                        session.attendanceRecordedAt);
    }

    static EnrolmentView view(Enrolment enrolment, CadreRef cadre) {
        return new EnrolmentView(enrolment.id, enrolment.activityId, enrolment.cadreId,
                cadre == null ? null : cadre.name, enrolment.status, enrolment.enrolledBy, enrolment.enrolledAt,
                enrolment.withdrawnAt);
    }

    static MyActivityView mine(Activity activity, Enrolment enrolment, ActivitySession next) {
        return new MyActivityView(activity.id, activity.title, activity.kind, activity.kind.label(),
                activity.communityCode, activity.description, activity.teacher, activity.capacity,
                activity.enrolledCount, activity.remaining(), activity.sessionCount, enrolment != null,
                enrolment == null ? null : enrolment.id, view(next), activity.firstStartsAt, activity.lastEndsAt);
    }
}
