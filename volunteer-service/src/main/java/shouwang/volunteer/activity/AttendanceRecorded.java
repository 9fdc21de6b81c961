package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when staff record (or re-record) a session's attendance. Key: the activity. */
public record AttendanceRecorded(UUID activityId, int session, Instant startsAt, int present, int absent) {
}
