package shouwang.registry.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * party-branches / StudySessionHeld (key = the branch code): who attended, and the ACTIVE members who did not, for
 * whom visit-service opens a 送学上门 task.
 */
public record StudySessionHeld(UUID sessionId, String branchCode, String branchName, String communityCode,
        String unitCode, String topic, LocalDate heldOn, List<UUID> attendeeIds, List<UUID> absenteeIds,
        Instant recordedAt) {
}
