package shouwang.volunteer.post;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A volunteer's claim of a post (认岗); withdrawing it frees the place. */
@Entity
@Table(name = "post_claim")
public class Claim extends PanacheEntityBase {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "ClaimStatus")
    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    public UUID id;
    public UUID postId;
    public UUID volunteerId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String claimedBy;
    public Instant claimedAt;
    public Instant withdrawnAt;
    public String withdrawReason;
    public Instant updatedAt;
}
