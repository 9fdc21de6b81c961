package shouwang.visit.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import shouwang.kit.security.Placement;

/** A 问题清单 item; {@code overdue} is true while it is open past its deadline. */
public record IssueDto(UUID id, UUID visitId, UUID cadreId, String description, String category, String ownerOrgCode,
        String ownerName, LocalDate deadline, IssueItem.Status status, boolean overdue, String resolution,
        Instant resolvedAt, String resolvedBy, String communityCode, String gridCode, String unitCode,
        Instant createdAt, Instant updatedAt) {

    static IssueDto of(IssueItem i, LocalDate today) {
        Placement p = i.placement();
        return new IssueDto(i.id, i.visitId, i.cadreId, i.description, i.category, i.ownerOrgCode, i.ownerName,
                i.deadline, i.status, i.status == IssueItem.Status.OPEN && i.deadline.isBefore(today), i.resolution,
                i.resolvedAt, i.resolvedBy, p.communityCode, p.gridCode, p.unitCode, i.createdAt, i.updatedAt);
    }
}
