package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cadre's place in an activity (报名); withdrawing it frees the place. */
@Entity
@Table(name = "activity_enrolment")
public class Enrolment extends PanacheEntityBase {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "EnrolmentStatus")
    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    public UUID id;
    public UUID activityId;
    public UUID cadreId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String enrolledBy;
    public Instant enrolledAt;
    public Instant withdrawnAt;
    public Instant updatedAt;
}
