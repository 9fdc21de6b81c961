package shouwang.volunteer.hours;

import shouwang.volunteer.hours.HoursDtos.EntryView;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordView;
import shouwang.volunteer.roster.Volunteer;

/** The one place where service records and ledger entries become REST views (the event: {@link ServiceHoursLogged}). */
final class HoursMapper {

    private HoursMapper() {
    }

    static ServiceRecordView view(ServiceRecord record, Volunteer volunteer) {
        return new ServiceRecordView(record.id, record.volunteerId, volunteer == null ? null : volunteer.name,
                record.postId, record.communityCode, record.serviceType, record.serviceType.label(), record.servedOn,
                record.startedAt, record.hours, record.peopleServed, record.beneficiaryCadreId, record.description,
                record.status, record.recordedBy, record.recordedAt, record.verifiedBy, record.verifiedAt,
                record.rejectReason, record.updatedAt);
    }

    static EntryView view(HourEntry entry) {
        return new EntryView(entry.id, entry.volunteerId, entry.kind, entry.hours, entry.balanceAfter,
                entry.serviceRecordId, entry.counterpartId, entry.beneficiary, entry.note, entry.recordedBy,
                entry.recordedAt);
    }
}
