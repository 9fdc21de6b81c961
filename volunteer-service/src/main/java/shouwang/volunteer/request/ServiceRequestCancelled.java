package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when a request is cancelled. Key: the cadre. */
public record ServiceRequestCancelled(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, String reason, Instant at) {

    static ServiceRequestCancelled of(ServiceRequest r) {
        return new ServiceRequestCancelled(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.cancelReason, r.cancelledAt);
    }
}
