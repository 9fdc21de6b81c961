package shouwang.visit.logbook;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.visit.Channel;
import shouwang.visit.Layer;

/**
 * {@code POST /visits}. {@code contacted} defaults to true; false records an attempt that did not reach the cadre,
 * with {@code notContactedReason}. {@code layer} may be left out when {@code taskId} is given (the task's layer).
 * {@code household} true (两老同住) records the same visit for every other member of the cadre's household too.
 */
public record VisitRequest(
        UUID id,
        @NotNull UUID cadreId,
        @NotNull OffsetDateTime visitedAt,
        @NotNull Channel channel,
        Layer layer,
        @Size(max = 100) String visitorName,
        UUID taskId,
        @Size(max = 4000) String notes,
        Boolean contacted,
        NotContactedReason notContactedReason,
        HealthStatus healthStatus,
        @Size(max = 2000) String healthNotes,
        @Valid @Size(max = 20) List<@NotNull Need> needs,
        shouwang.visit.Purpose purpose,
        Boolean household) {

    /** A need raised during the visit; it becomes a 问题清单 item. Owner and deadline have defaults. */
    public record Need(
            @NotBlank @Size(max = 1000) String description,
            @Size(max = 40) String category,
            @Size(max = 50) String ownerOrgCode,
            @Size(max = 100) String ownerName,
            LocalDate deadline) {
    }

    /** Derived, not a field of the body: hidden from Jackson and the OpenAPI schema (it read as "contact"). */
    @JsonIgnore
    public boolean isContact() {
        return contacted == null || contacted;
    }

    /** Whether the visit is for the whole household (not named isHousehold: Jackson would take it for the field). */
    public boolean forHousehold() {
        return Boolean.TRUE.equals(household);
    }
}
