package shouwang.volunteer.team;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.roster.VolunteerRef;

public final class TeamDtos {

    private TeamDtos() {
    }

    /** {@code leader} is made a member too; {@code members} may name volunteers, cadres or residents. */
    public record TeamRequest(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @NotNull ServiceCategory category,
            @NotBlank @Size(max = 64) String communityCode,
            @Size(max = 2000) String description,
            @Valid VolunteerRef leader,
            @Size(max = 500) List<@Valid @NotNull VolunteerRef> members) {
    }

    public record LeaderRequest(@NotNull UUID volunteerId) {
    }

    public record MemberView(UUID volunteerId, String name, UUID cadreId, String role, Instant joinedAt) {
    }

    public record TeamView(UUID id, String name, ServiceCategory category, String categoryLabel,
            String communityCode, String description, MemberView leader, List<MemberView> members, int memberCount,
            Instant createdAt, Instant updatedAt) {
    }
}
