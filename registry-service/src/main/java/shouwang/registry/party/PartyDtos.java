package shouwang.registry.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies and views of party branches and their study sessions. */
public final class PartyDtos {

    private PartyDtos() {
    }

    /** {@code POST /party-branches}: of a community or of a unit, exactly one. */
    public record BranchInput(UUID id, String code, String name, String communityCode, String unitCode) {
    }

    public record BranchView(String code, String name, String communityCode, String unitCode, long version,
            long memberCount, Instant createdAt, Instant updatedAt) {
    }

    /** A member as the branch's list shows it (no ID number, no phone: the cadre record has them, in scope). */
    public record MemberView(UUID cadreId, String name, String communityCode, String gridCode, String unitCode,
            String status) {
    }

    /** {@code POST /party-branches/{code}/study-sessions}. */
    public record SessionInput(UUID id, String topic, LocalDate heldOn, List<UUID> attendeeIds) {
    }

    public record SessionView(UUID id, String branchCode, String topic, LocalDate heldOn, List<UUID> attendeeIds,
            List<UUID> absenteeIds, int memberCount, String recordedBy, Instant recordedAt) {
    }
}
