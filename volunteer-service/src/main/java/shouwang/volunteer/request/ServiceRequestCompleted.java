package shouwang.volunteer.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** On volunteering when the service is done; hours (if any) went to creditedVolunteerId's time bank. Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestCompleted(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, ServiceRequest.AssigneeKind assigneeKind, UUID assigneeId, String assigneeName, BigDecimal hours,
        UUID creditedVolunteerId, Instant at, String districtCode) {

    static ServiceRequestCompleted of(ServiceRequest r, String districtCode) {
        return new ServiceRequestCompleted(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.assigneeKind, r.assigneeId, r.assigneeName, r.hours, r.creditedVolunteerId, r.completedAt, districtCode);
    }
}
