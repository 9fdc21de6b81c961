package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when the assignee accepts (接单). Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestAccepted(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, ServiceRequest.AssigneeKind assigneeKind, UUID assigneeId, String assigneeName, Instant at, String districtCode) {

    static ServiceRequestAccepted of(ServiceRequest r, String districtCode) {
        return new ServiceRequestAccepted(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.assigneeKind, r.assigneeId, r.assigneeName, r.acceptedAt, districtCode);
    }
}
