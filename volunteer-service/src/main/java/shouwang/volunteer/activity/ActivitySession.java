package shouwang.volunteer.activity;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One session of an activity, numbered 1.. in the order they start. */
@Entity
@Table(name = "activity_session")
@IdClass(ActivitySession.Key.class)
public class ActivitySession extends PanacheEntityBase {

    @Id
    public UUID activityId;
    @Id
    public int n;
    public Instant startsAt;
    public Instant endsAt;
    public String place;
    /** When staff last recorded the session's attendance; null while only sign-ins (or nothing) are known. */
    public Instant attendanceRecordedAt;

    public record Key(UUID activityId, int n) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
