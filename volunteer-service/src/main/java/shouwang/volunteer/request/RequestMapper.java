package shouwang.volunteer.request;

import shouwang.volunteer.request.RequestDtos.RequestView;

/** The one place where a service request becomes a REST view (events: the ServiceRequest* records). */
final class RequestMapper {

    private RequestMapper() {
    }

    static RequestView view(ServiceRequest r) {
        return new RequestView(r.id, r.cadreId, r.communityCode, r.gridCode, r.serviceType, r.serviceType.label(),
                r.details, r.wantedBy, r.status, r.status.label(), r.source, r.requestedBy, r.alertId, r.assigneeKind,
                r.assigneeId, r.assigneeName, r.dispatchedAt, r.dispatchedBy, r.acceptedAt, r.acceptedBy,
                r.completedAt, r.completedBy, r.notes, r.hours, r.creditedVolunteerId, r.serviceRecordId,
                r.cancelledAt, r.cancelledBy, r.cancelReason, r.ratingScore, r.ratingComment, r.ratedAt, r.declines,
                r.escalatedDispatchAt, r.escalatedAcceptAt, r.createdAt, r.updatedAt);
    }
}
