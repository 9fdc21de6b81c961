package shouwang.volunteer.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class PairingDtos {

    private PairingDtos() {
    }

    /**
     * {@code cadreId} is the cadre who needs help. The volunteer is an existing {@code volunteerId}, a cadre in good
     * health ({@code volunteerCadreId}), or another resident ({@code volunteerName} + {@code phone}).
     */
    public record PairingRequest(
            UUID id,
            @NotNull UUID cadreId,
            UUID volunteerId,
            UUID volunteerCadreId,
            @Size(max = 100) String volunteerName,
            @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
            @Size(max = 20) String cadence,
            LocalDate startedOn,
            @Size(max = 2000) String note) {
    }

    public record EndRequest(LocalDate endedOn, @Size(max = 500) String reason) {
    }

    public record PairingView(UUID id, UUID cadreId, UUID volunteerId, UUID volunteerCadreId, String volunteerName,
            String volunteerPhone, String communityCode, String gridCode, String unitCode, String cadence, LocalDate startedOn,
            Pairing.Status status, LocalDate endedOn, String endReason, String note, String createdBy,
            Instant createdAt, Instant updatedAt) {
    }
}
