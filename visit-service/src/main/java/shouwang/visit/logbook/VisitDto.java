package shouwang.visit.logbook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import shouwang.visit.Channel;
import shouwang.visit.Layer;

/**
 * A visit as clients read it, with the ids of the issue-list items its needs became. 两老同住: {@code householdVisitIds}
 * are the visits logged with it for the other members of the cadre's household ({@code []} otherwise), and a member's
 * record names the visit it was logged with in {@code householdOf}.
 */
public record VisitDto(UUID id, UUID cadreId, Instant visitedAt, Channel channel, Layer layer, String visitorName,
        UUID taskId, boolean taskCompleted, String notes, boolean contacted, NotContactedReason notContactedReason,
        HealthStatus healthStatus, String healthNotes, List<UUID> issueIds, String communityCode, String gridCode,
        String unitCode, String recordedBy, Instant createdAt, Instant updatedAt, shouwang.visit.Purpose purpose,
        List<UUID> householdVisitIds, UUID householdOf) {
}
