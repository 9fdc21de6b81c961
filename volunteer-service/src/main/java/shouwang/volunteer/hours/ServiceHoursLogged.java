package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import shouwang.volunteer.ServiceCategory;

/**
 * On volunteering when the post's owner verifies a service record; peopleServed, beneficiaryCadreId and verifiedAt
 * are additions to docs/events.md.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record ServiceHoursLogged(UUID recordId, UUID volunteerId, UUID postId, String communityCode,
        ServiceCategory serviceType, LocalDate servedOn, BigDecimal hours, int peopleServed, UUID beneficiaryCadreId,
        Instant verifiedAt, String districtCode) {

    static ServiceHoursLogged of(ServiceRecord record, String districtCode) {
        return new ServiceHoursLogged(record.id, record.volunteerId, record.postId, record.communityCode,
                record.serviceType, record.servedOn, record.hours, record.peopleServed, record.beneficiaryCadreId,
                record.verifiedAt, districtCode);
    }

    /** The record key: the helped cadre where there is one, else the post, else the volunteer. */
    static String keyOf(ServiceRecord record) {
        UUID key = record.beneficiaryCadreId != null ? record.beneficiaryCadreId
                : record.postId != null ? record.postId : record.volunteerId;
        return key.toString();
    }
}
