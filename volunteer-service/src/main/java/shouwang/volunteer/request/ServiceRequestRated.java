package shouwang.volunteer.request;

import java.time.Instant;
import java.util.UUID;

/** On volunteering when the cadre rates a done request (again: the new score replaces the old). Key: the cadre.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceRequestRated(UUID requestId, UUID cadreId, ServiceType serviceType, String communityCode, String gridCode,
        ServiceRequest.Status status, int score, Instant at, String districtCode) {

    static ServiceRequestRated of(ServiceRequest r, String districtCode) {
        return new ServiceRequestRated(r.id, r.cadreId, r.serviceType, r.communityCode, r.gridCode, r.status, r.ratingScore, r.ratedAt, districtCode);
    }
}
