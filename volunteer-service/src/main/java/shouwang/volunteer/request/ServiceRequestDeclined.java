package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when the assignee declines: the request is REQUESTED again, without assignee. Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestDeclined(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, ServiceRequest.AssigneeKind assigneeKind, UUID assigneeId, String assigneeName, String reason, int declines,
        Instant at, String districtCode) {

    static ServiceRequestDeclined of(ServiceRequest r, ServiceRequest.AssigneeKind kind, UUID assigneeId, String assigneeName, String reason, String districtCode) {
        return new ServiceRequestDeclined(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, kind, assigneeId, assigneeName, reason, r.declines, r.lastDeclinedAt, districtCode);
    }
}
