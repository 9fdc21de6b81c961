package shouwang.volunteer.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.problem.ConflictException;
import shouwang.volunteer.ServiceCategory;

/** A volunteer post (志愿服务岗) in a community or grid, with a capacity that claims fill. */
@Entity
@Table(name = "volunteer_post")
public class Post extends PanacheEntityBase {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "PostStatus")
    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;
    public String title;
    @Enumerated(EnumType.STRING)
    public ServiceCategory category;
    public String communityCode;
    public String gridCode;
    public int capacity;
    public int claimedCount;
    public String schedule;
    public String description;
    public LocalDate startsOn;
    public LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The publishing user; the post's community workers act as its owner for verification. */
    public String owner;
    public Instant createdAt;
    public Instant updatedAt;

    /** A claim takes a place only on an open post with one left; anything else is a 409. */
    public void requireRoom() {
        if (status != Status.OPEN) {
            throw new ConflictException("Post " + id + " is closed");
        }
        if (claimedCount >= capacity) {
            throw new ConflictException("Post " + id + " is full (" + capacity + " places)");
        }
    }

    /** A claim takes a place (after {@link #requireRoom()}, under the post's row lock). */
    public void take(Instant at) {
        requireRoom();
        claimedCount++;
        updatedAt = at;
    }

    /** A withdrawn claim frees its place. */
    public void free(Instant at) {
        claimedCount--;
        updatedAt = at;
    }

    public int remaining() {
        return Math.max(0, capacity - claimedCount);
    }
}
