package shouwang.volunteer.post;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A volunteer's claim of a post (认岗); withdrawing it frees the place. */
@Entity
@Table(name = "post_claim")
public class Claim extends PanacheEntityBase {

    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    public UUID id;
    @Column(name = "post_id")
    public UUID postId;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdraw_reason")
    public String withdrawReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
