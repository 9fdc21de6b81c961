package shouwang.visit.study;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who has had a session's study: attendees and those it was delivered to (送学上门). Counts are over the rows the
 * caller may see; {@code items} is one page of them.
 */
public record StudyCoverage(UUID sessionId, String branchCode, String topic, LocalDate heldOn, int members,
        int attended, int delivered, int pending, List<Item> items, int page, int size, long total) {

    /** One member: ATTENDED, DELIVERED (its 送学上门 task done), PENDING (task open) or MISSED (past its deadline). */
    public record Item(UUID cadreId, String cadreName, String communityCode, String status, UUID taskId,
            Instant deliveredAt) {
    }
}
