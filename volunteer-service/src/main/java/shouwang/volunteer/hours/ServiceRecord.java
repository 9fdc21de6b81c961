package shouwang.volunteer.hours;

import java.math.BigDecimal;
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

import shouwang.volunteer.ServiceCategory;

/** One service given: who, where, when, how long, what. Counts (hours, statistics) only once VERIFIED. */
@Entity
@Table(name = "service_record")
public class ServiceRecord extends PanacheEntityBase {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "ServiceRecordStatus")
    public enum Status { PENDING, VERIFIED, REJECTED }

    @Id
    public UUID id;
    public UUID volunteerId;
    public UUID postId;
    public String communityCode;
    @Enumerated(EnumType.STRING)
    public ServiceCategory serviceType;
    public LocalDate servedOn;
    public Instant startedAt;
    public BigDecimal hours;
    public int peopleServed;
    public UUID beneficiaryCadreId;
    /** The completed service request whose hours this record carries (then not counted again as a record). */
    public UUID serviceRequestId;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String recordedBy;
    public Instant recordedAt;
    public String verifiedBy;
    public Instant verifiedAt;
    public String rejectReason;
    public Instant updatedAt;
}
