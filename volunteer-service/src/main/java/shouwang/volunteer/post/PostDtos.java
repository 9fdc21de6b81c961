package shouwang.volunteer.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import shouwang.volunteer.ServiceCategory;

/** REST bodies of the post capability. */
public final class PostDtos {

    private PostDtos() {
    }

    public record PostRequest(
            UUID id,
            @NotBlank @Size(max = 200) String title,
            @NotNull ServiceCategory category,
            @NotBlank @Size(max = 64) String communityCode,
            @Size(max = 64) String gridCode,
            @NotNull @Min(1) @Max(10000) Integer capacity,
            @Size(max = 500) String schedule,
            @Size(max = 2000) String description,
            LocalDate startsOn,
            LocalDate endsOn) {
    }

    public record PostView(UUID id, String title, ServiceCategory category, String categoryLabel,
            String communityCode, String gridCode, int capacity, int claimedCount, int remaining, String schedule,
            String description, LocalDate startsOn, LocalDate endsOn, Post.Status status, String owner,
            Instant createdAt, Instant updatedAt) {
    }

    public record ClaimRequest(
            UUID id,
            UUID volunteerId,
            @Size(max = 100) String volunteerName,
            @Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
            UUID cadreId) {
    }

    public record WithdrawRequest(@Size(max = 500) String reason) {
    }

    public record ClaimView(UUID id, UUID postId, UUID volunteerId, String volunteerName, UUID cadreId,
            Claim.Status status, Instant claimedAt, Instant withdrawnAt, String withdrawReason) {
    }
}
