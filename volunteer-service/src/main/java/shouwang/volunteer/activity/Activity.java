package shouwang.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.problem.ConflictException;

/**
 * An activity of one community (老年大学 class, 文体队伍, or an event) with numbered sessions and a capacity that
 * enrolments of cadres fill.
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public ActivityKind kind;
    public String communityCode;
    public int capacity;
    public int enrolledCount;
    public String description;
    public String teacher;
    public int sessionCount;
    public Instant firstStartsAt;
    public Instant lastEndsAt;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    /** An enrolment takes a place only while the activity has a session to come and a place left; else a 409. */
    public void requireRoom(Instant now) {
        if (!lastEndsAt.isAfter(now)) {
            throw new ConflictException("Activity " + id + " has ended");
        }
        if (enrolledCount >= capacity) {
            throw new ConflictException("Activity " + id + " is full (" + capacity + " places)");
        }
    }

    /** An enrolment takes a place (after {@link #requireRoom}, under the activity's row lock). */
    public void take(Instant at) {
        requireRoom(at);
        enrolledCount++;
        updatedAt = at;
    }

    /** A withdrawn enrolment frees its place. */
    public void free(Instant at) {
        enrolledCount--;
        updatedAt = at;
    }

    public int remaining() {
        return Math.max(0, capacity - enrolledCount);
    }

    public boolean isOpen(Instant now) {
        return lastEndsAt.isAfter(now);
    }
}
