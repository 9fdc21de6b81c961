package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when a request is dispatched (派单) to a volunteer, a team or a provider. Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestDispatched(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, ServiceRequest.AssigneeKind assigneeKind, UUID assigneeId, String assigneeName, Instant at, String districtCode) {

    static ServiceRequestDispatched of(ServiceRequest r, String districtCode) {
        return new ServiceRequestDispatched(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.assigneeKind, r.assigneeId, r.assigneeName, r.dispatchedAt, districtCode);
    }
}
