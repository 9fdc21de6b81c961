package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.volunteer.ServiceCategory;

/** One service given: who, where, when, how long, what. Counts (hours, statistics) only once VERIFIED. */
@Entity
@Table(name = "service_record")
public class ServiceRecord extends PanacheEntityBase {

    public enum Status { PENDING, VERIFIED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "volunteer_id")
    public UUID volunteerId;
    @Column(name = "post_id")
    public UUID postId;
    @Column(name = "community_code")
    public String communityCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceCategory serviceType;
    @Column(name = "served_on")
    public LocalDate servedOn;
    @Column(name = "started_at")
    public Instant startedAt;
    public BigDecimal hours;
    @Column(name = "people_served")
    public int peopleServed;
    @Column(name = "beneficiary_cadre_id")
    public UUID beneficiaryCadreId;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
