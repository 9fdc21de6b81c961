package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when a request is cancelled. Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestCancelled(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, String reason, Instant at, String districtCode) {

    static ServiceRequestCancelled of(ServiceRequest r, String districtCode) {
        return new ServiceRequestCancelled(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.cancelReason, r.cancelledAt, districtCode);
    }
}
