package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A run of three absences in a row that was flagged (连续三次缺勤); its id is the event's flagId. */
@Entity
@Table(name = "activity_absence_flag")
public class AbsenceFlag extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID enrolmentId;
    public UUID activityId;
    public UUID cadreId;
    /** The session whose absence made the run three long. */
    public int n;
    public Instant flaggedAt;
}
