package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** REST bodies of the activity capability. */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    public record SessionRequest(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 200) String place) {
    }

    public record ActivityRequest(
            UUID id,
            @NotBlank @Size(max = 200) String title,
            @NotNull ActivityKind kind,
            @NotBlank @Size(max = 64) String communityCode,
            @NotNull @Min(1) @Max(10000) Integer capacity,
            @Size(max = 2000) String description,
            @Size(max = 100) String teacher,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull SessionRequest> sessions) {
    }

    public record SessionView(int n, Instant startsAt, Instant endsAt, String place, Instant attendanceRecordedAt) {
    }

    public record ActivityView(UUID id, String title, ActivityKind kind, String kindLabel, String communityCode,
            int capacity, int enrolledCount, int remaining, String description, String teacher, int sessionCount,
            Instant firstStartsAt, Instant lastEndsAt, List<SessionView> sessions, String createdBy,
            Instant createdAt, Instant updatedAt) {
    }

    /** Staff enrol a cadre of the activity's community. */
    public record EnrolmentRequest(UUID id, @NotNull UUID cadreId) {
    }

    /** The cadre enrols itself: only the client id, body optional. */
    public record MyEnrolmentRequest(UUID id) {
    }

    public record EnrolmentView(UUID id, UUID activityId, UUID cadreId, String cadreName, Enrolment.Status status,
            String enrolledBy, Instant enrolledAt, Instant withdrawnAt) {
    }

    public record AttendanceRequest(@NotNull @Size(max = 10000) List<@NotNull UUID> presentCadreIds) {
    }

    public record SignInRequest(@NotNull UUID cadreId) {
    }

    /** One enrolled cadre's attendance of a session. */
    public record AttendanceView(UUID enrolmentId, UUID cadreId, String cadreName, Attendance.Status status,
            String statusLabel, Attendance.Source source, Instant recordedAt) {
    }

    /** What recording a session did: the counts, and the cadres it flagged for three absences in a row. */
    public record AttendanceSummary(UUID activityId, int session, Instant startsAt, int present, int absent,
            List<UUID> flaggedCadreIds) {
    }

    /** A row of {@code GET /me/activities}: the activity as the cadre sees it, and whether it is enrolled. */
    public record MyActivityView(UUID id, String title, ActivityKind kind, String kindLabel, String communityCode,
            String description, String teacher, int capacity, int enrolledCount, int remaining, int sessionCount,
            boolean enrolled, UUID enrolmentId, SessionView nextSession, Instant firstStartsAt, Instant lastEndsAt) {
    }
}
