package shouwang.volunteer.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** REST bodies and views of the service-request capability. */
public final class RequestDtos {

    private RequestDtos() {
    }

    /** Staff and partners open a request for a cadre. */
    public record RequestForm(
            UUID id,
            @NotNull UUID cadreId,
            @NotNull ServiceType serviceType,
            @NotBlank @Size(max = 2000) String details,
            Instant wantedBy) {
    }

    /** A cadre opens a request for itself ({@code POST /me/service-requests}). */
    public record OwnRequestForm(
            UUID id,
            @NotNull ServiceType serviceType,
            @NotBlank @Size(max = 2000) String details,
            Instant wantedBy) {
    }

    /** Exactly one of the three. */
    public record DispatchForm(UUID volunteerId, UUID teamId, UUID providerId) {

        @JsonIgnore
        int named() {
            return (volunteerId == null ? 0 : 1) + (teamId == null ? 0 : 1) + (providerId == null ? 0 : 1);
        }
    }

    public record ReasonForm(@Size(max = 500) String reason) {
    }

    public record CompletionForm(
            @Size(max = 2000) String notes,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "24") @Digits(integer = 2, fraction = 2) BigDecimal hours) {
    }

    public record RatingForm(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 500) String comment) {
    }

    public record RequestView(UUID id, UUID cadreId, String communityCode, String gridCode, ServiceType serviceType,
            String serviceTypeLabel, String details, Instant wantedBy, ServiceRequest.Status status,
            String statusLabel, ServiceRequest.Source source, String requestedBy, UUID alertId,
            ServiceRequest.AssigneeKind assigneeKind, UUID assigneeId, String assigneeName, Instant dispatchedAt,
            String dispatchedBy, Instant acceptedAt, String acceptedBy, Instant completedAt, String completedBy,
            String notes, BigDecimal hours, UUID creditedVolunteerId, UUID serviceRecordId, Instant cancelledAt,
            String cancelledBy, String cancelReason, Integer ratingScore, String ratingComment, Instant ratedAt,
            int declines, Instant escalatedDispatchAt, Instant escalatedAcceptAt, Instant createdAt,
            Instant updatedAt) {
    }
}
