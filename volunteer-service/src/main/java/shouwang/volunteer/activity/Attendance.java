package shouwang.volunteer.activity;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Whether an enrolled cadre was at one session (签到); no row means not recorded yet. */
@Entity
@Table(name = "activity_attendance")
@IdClass(Attendance.Key.class)
public class Attendance extends PanacheEntityBase {

    // named for the API document: each entity has its own Status (and Source), else Status, Status1, … there
    @Schema(name = "AttendanceStatus")
    public enum Status {
        PRESENT("出勤"),
        ABSENT("缺勤"),
        UNRECORDED("未记录");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Staff recorded the whole session, or the cadre (or staff for it) signed in. */
    @Schema(name = "AttendanceSource")
    public enum Source { RECORDED, SIGN_IN }

    @Id
    public UUID enrolmentId;
    @Id
    public int n;
    public UUID activityId;
    public UUID cadreId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Source source;
    public String recordedBy;
    public Instant recordedAt;

    public record Key(UUID enrolmentId, int n) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
