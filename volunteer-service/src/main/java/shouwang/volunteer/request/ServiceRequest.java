package shouwang.volunteer.request;

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

import shouwang.kit.problem.ConflictException;

/**
 * A service request (点单) for one cadre: dispatched (派单) to a volunteer, a team or a provider, accepted (接单) by
 * it, then done, or cancelled on the way. A decline returns it to REQUESTED for another dispatch.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends PanacheEntityBase {

    // named for the API document: each entity has its own Status (and Source), else Status, Status1, … there
    @Schema(name = "ServiceRequestStatus")
    public enum Status {
        REQUESTED("待派单"), DISPATCHED("已派单"), ACCEPTED("已接单"), DONE("已完成"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who opened it: the cadre itself, staff, a partner (12345 hotline), or an alert of kind HELP_REQUEST. */
    @Schema(name = "ServiceRequestSource")
    public enum Source { CADRE, STAFF, PARTNER, ALERT }

    public enum AssigneeKind { VOLUNTEER, TEAM, PROVIDER }

    @Id
    public UUID id;
    public UUID cadreId;
    public String communityCode;
    public String gridCode;
    @Enumerated(EnumType.STRING)
    public ServiceType serviceType;
    public String details;
    public Instant wantedBy;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Source source;
    public String requestedBy;
    public UUID alertId;
    @Enumerated(EnumType.STRING)
    public AssigneeKind assigneeKind;
    public UUID assigneeId;
    public String assigneeName;
    public Instant dispatchedAt;
    public String dispatchedBy;
    public Instant acceptedAt;
    public String acceptedBy;
    /** The volunteer login that accepted for a team (credited on completion by staff). */
    public UUID acceptedVolunteerId;
    public Instant completedAt;
    public String completedBy;
    /** The district day of completion: the day statistics count it on. */
    public LocalDate completedOn;
    public String notes;
    public BigDecimal hours;
    /** The volunteer whose time bank got the hours, and the VERIFIED service record that carries them. */
    public UUID creditedVolunteerId;
    public UUID serviceRecordId;
    public Instant cancelledAt;
    public String cancelledBy;
    public String cancelReason;
    public Integer ratingScore;
    public String ratingComment;
    public Instant ratedAt;
    public int declines;
    public Instant lastDeclinedAt;
    public Instant escalatedDispatchAt;
    public Instant escalatedAcceptAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** A transition allowed only from {@code expected}: anything else is a 409 naming the state. */
    void require(Status expected, String action) {
        if (status != expected) {
            throw new ConflictException("Service request " + id + " is " + status + ": only a " + expected
                    + " request can be " + action);
        }
    }

    /** Since when the request has waited for its current step: a dispatch (since creation or the last decline). */
    Instant waitingSince() {
        return status == Status.DISPATCHED ? dispatchedAt : lastDeclinedAt != null ? lastDeclinedAt : createdAt;
    }

    void clearAssignee() {
        assigneeKind = null;
        assigneeId = null;
        assigneeName = null;
        dispatchedAt = null;
        dispatchedBy = null;
        acceptedVolunteerId = null;
    }
}
