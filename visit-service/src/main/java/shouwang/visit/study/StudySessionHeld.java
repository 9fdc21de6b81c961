package shouwang.visit.study;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code StudySessionHeld} on {@code party-branches}: a branch's study session, who attended and who did not (the
 * branch's active members at recording time).
 */
public record StudySessionHeld(
        @NotNull UUID sessionId,
        @NotBlank @Size(max = 50) String branchCode,
        @Size(max = 200) String branchName,
        @Size(max = 50) String communityCode,
        @Size(max = 50) String unitCode,
        @Size(max = 500) String topic,
        @NotNull LocalDate heldOn,
        List<@NotNull UUID> attendeeIds,
        List<@NotNull UUID> absenteeIds,
        Instant recordedAt) {
}
