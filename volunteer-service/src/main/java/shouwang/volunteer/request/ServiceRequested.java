package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when a service request is opened (the only event carrying the order text). Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequested(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, ServiceRequest.Source source, String details, Instant wantedBy, UUID alertId, Instant at, String districtCode) {

    static ServiceRequested of(ServiceRequest r, String districtCode) {
        return new ServiceRequested(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.source, r.details, r.wantedBy, r.alertId, r.createdAt, districtCode);
    }
}
