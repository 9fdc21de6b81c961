package shouwang.volunteer.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Roles;
import shouwang.volunteer.Rows;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreRef;
import shouwang.volunteer.hours.ServiceRecordService;
import shouwang.volunteer.request.ProviderDirectory.ProviderCard;
import shouwang.volunteer.request.RequestDtos.CompletionForm;
import shouwang.volunteer.request.RequestDtos.DispatchForm;
import shouwang.volunteer.request.RequestDtos.OwnRequestForm;
import shouwang.volunteer.request.RequestDtos.RatingForm;
import shouwang.volunteer.request.RequestDtos.RequestForm;
import shouwang.volunteer.request.RequestDtos.RequestView;
import shouwang.volunteer.request.ServiceRequest.AssigneeKind;
import shouwang.volunteer.request.ServiceRequest.Source;
import shouwang.volunteer.request.ServiceRequest.Status;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerService;
import shouwang.volunteer.team.Team;
import shouwang.volunteer.team.TeamMember;

/**
 * Service requests (点单/派单/接单). Every transition locks the row ({@code SELECT … FOR UPDATE}) and re-checks the
 * state under the lock, so of two concurrent accepts (or an accept and a decline) one wins and the other is a 409;
 * every transition publishes one event on volunteering (key: the cadre).
 * <p>
 * Who sees a request: staff whose scope covers its community or grid (like posts), the cadre itself (role cadre),
 * and the volunteer it is dispatched to (or a member of the team it is dispatched to). A single read or change of a
 * request the caller does not see is a 404.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    private static final Logger LOG = Logger.getLogger(RequestService.class);
    static final String ALERT_REQUESTER = "alert-service";

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    CadreDirectory cadres;

    @Inject
    VolunteerService volunteers;

    @Inject
    ProviderDirectory providers;

    @Inject
    ServiceRecordService serviceRecords;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Staff for a cadre of their scope, or a partner (12345 hotline) for any cadre known here. */
    public Saved<RequestView> open(RequestForm form) {
        ServiceRequest existing = Rows.repeated(ServiceRequest.class, form.id());
        if (existing != null) {
            requireSameCadre(existing, form.cadreId());
            if (isPartner() ? !callerScope.username().equals(existing.requestedBy) : !visible(existing)) {
                throw new NotFoundException("Service request", existing.id);
            }
            return Saved.existing(RequestMapper.view(existing));
        }
        CadreRef cadre = cadres.requireActive("cadreId", form.cadreId());
        boolean partner = isPartner();
        if (!partner) {
            callerScope.requireCadre(cadre.placement());
        }
        ServiceRequest request = create(form.id(), cadre.id, cadre.placement(), form.serviceType(), form.details(),
                form.wantedBy(), partner ? Source.PARTNER : Source.STAFF, callerScope.username(), null);
        return Saved.created(RequestMapper.view(request));
    }

    /** A cadre for itself: the cadre of its token, once its registry profile has reached this service. */
    public Saved<RequestView> openOwn(OwnRequestForm form) {
        UUID me = ownCadre();
        ServiceRequest existing = Rows.repeated(ServiceRequest.class, form.id());
        if (existing != null) {
            requireSameCadre(existing, me);
            return Saved.existing(RequestMapper.view(existing));
        }
        CadreRef cadre = cadres.find(me);
        if (cadre == null) {
            throw new ConflictException("Your profile has not reached volunteering yet (cadre " + me
                    + "): try again in a few minutes");
        }
        if (!cadre.isActive()) {
            throw new ConflictException("Cadre " + me + " is " + cadre.status);
        }
        ServiceRequest request = create(form.id(), cadre.id, cadre.placement(), form.serviceType(), form.details(),
                form.wantedBy(), Source.CADRE, callerScope.username(), null);
        return Saved.created(RequestMapper.view(request));
    }

    /**
     * A HELP_REQUEST alert not itself about one of our requests opens one (id derived from the alert's, so a replay
     * finds it and does nothing), placed where the alert places the cadre.
     */
    public void openFromAlert(AlertRaised alert) {
        if (!alert.opensRequest()) {
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("alert/" + alert.alertId()).getBytes(StandardCharsets.UTF_8));
        if (ServiceRequest.findById(id) != null) {
            return;
        }
        ServiceType type = ServiceType.codeOf(alert.serviceType());
        String details = alert.details() == null || alert.details().isBlank() ? "一键求助: " + type.label()
                : alert.details();
        create(id, alert.cadreId(), new Placement(alert.communityCode(), alert.gridCode(), null), type, details, null,
                Source.ALERT, ALERT_REQUESTER, alert.alertId());
    }

    private ServiceRequest create(UUID id, UUID cadreId, Placement placement, ServiceType type, String details,
            Instant wantedBy, Source source, String requestedBy, UUID alertId) {
        ServiceRequest request = new ServiceRequest();
        request.id = id == null ? UUID.randomUUID() : id;
        request.cadreId = cadreId;
        request.communityCode = placement.communityCode;
        request.gridCode = placement.gridCode;
        request.serviceType = type;
        request.details = details.strip();
        request.wantedBy = wantedBy;
        request.status = Status.REQUESTED;
        request.source = source;
        request.requestedBy = requestedBy;
        request.alertId = alertId;
        request.createdAt = clock.now();
        request.updatedAt = request.createdAt;
        request.persist();
        outbox.publish(Volunteering.TOPIC, cadreId.toString(), ServiceRequested.of(request, districtOf(request)));
        LOG.infof("Service request %s opened for cadre %s (%s, source %s)", request.id, cadreId, type, source);
        return request;
    }

    /** 派单: the request's community (or a district admin) names exactly one volunteer, team or provider. */
    public RequestView dispatch(UUID id, DispatchForm form) {
        ServiceRequest request = lockVisible(id);
        callerScope.requireCommunity(request.communityCode);
        if (form.named() != 1) {
            throw InvalidFieldsException.of("body", "name exactly one of volunteerId, teamId and providerId");
        }
        request.require(Status.REQUESTED, "dispatched");
        if (form.volunteerId() != null) {
            Volunteer volunteer = Volunteer.findById(form.volunteerId());
            if (volunteer == null) {
                throw InvalidFieldsException.of("volunteerId", "is not a known volunteer");
            }
            assign(request, AssigneeKind.VOLUNTEER, volunteer.id, volunteer.name);
        } else if (form.teamId() != null) {
            Team team = Team.findById(form.teamId());
            if (team == null) {
                throw InvalidFieldsException.of("teamId", "is not a known team");
            }
            assign(request, AssigneeKind.TEAM, team.id, team.name);
        } else {
            ProviderCard provider = providers.card(form.providerId())
                    .orElseThrow(() -> InvalidFieldsException.of("providerId", "is not a known provider"));
            requireOffers(provider, request);
            assign(request, AssigneeKind.PROVIDER, provider.id(), provider.name());
        }
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(), ServiceRequestDispatched.of(request, districtOf(request)));
        LOG.infof("Service request %s dispatched to %s %s", request.id, request.assigneeKind, request.assigneeId);
        return RequestMapper.view(request);
    }

    private static void requireOffers(ProviderCard provider, ServiceRequest request) {
        if (!provider.active()) {
            throw new ConflictException("Provider " + provider.id() + " is inactive");
        }
        if (!provider.serviceTypes().contains(request.serviceType)) {
            throw new ConflictException("Provider " + provider.id() + " does not offer " + request.serviceType + " ("
                    + request.serviceType.label() + ")");
        }
        if (request.communityCode == null || !provider.communityCodes().contains(request.communityCode)) {
            throw new ConflictException("Provider " + provider.id() + " does not serve community "
                    + request.communityCode);
        }
    }

    private void assign(ServiceRequest request, AssigneeKind kind, UUID assigneeId, String name) {
        request.status = Status.DISPATCHED;
        request.assigneeKind = kind;
        request.assigneeId = assigneeId;
        request.assigneeName = name;
        request.dispatchedAt = clock.now();
        request.dispatchedBy = callerScope.username();
        request.escalatedAcceptAt = null;
        request.updatedAt = request.dispatchedAt;
    }

    /** 接单: the assignee (a volunteer itself, a member of the team), or the community on its behalf. */
    public RequestView accept(UUID id) {
        ServiceRequest request = lockVisible(id);
        Volunteer actor = requireAssigneeOrStaff(request);
        request.require(Status.DISPATCHED, "accepted");
        request.status = Status.ACCEPTED;
        request.acceptedAt = clock.now();
        request.acceptedBy = callerScope.username();
        request.acceptedVolunteerId = actor == null ? null : actor.id;
        request.updatedAt = request.acceptedAt;
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(), ServiceRequestAccepted.of(request, districtOf(request)));
        LOG.infof("Service request %s accepted by %s %s", request.id, request.assigneeKind, request.assigneeId);
        return RequestMapper.view(request);
    }

    /** The assignee declines: the request waits for another dispatch (REQUESTED, no assignee, one more decline). */
    public RequestView decline(UUID id, String reason) {
        ServiceRequest request = lockVisible(id);
        requireAssigneeOrStaff(request);
        request.require(Status.DISPATCHED, "declined");
        AssigneeKind kind = request.assigneeKind;
        UUID assigneeId = request.assigneeId;
        String name = request.assigneeName;
        request.clearAssignee();
        request.status = Status.REQUESTED;
        request.declines++;
        request.lastDeclinedAt = clock.now();
        // a new round: the wait for a dispatch (and later an acceptance) may escalate again
        request.escalatedDispatchAt = null;
        request.escalatedAcceptAt = null;
        request.updatedAt = request.lastDeclinedAt;
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(),
                ServiceRequestDeclined.of(request, kind, assigneeId, name, reason, districtOf(request)));
        LOG.infof("Service request %s declined by %s %s (%d declines)", request.id, kind, assigneeId,
                request.declines);
        return RequestMapper.view(request);
    }

    /**
     * Done. Hours given for a volunteer's or a team's service go to the time bank of the volunteer (a team's: the
     * member completing it, else the member who accepted it, else the team's leader) as a VERIFIED service record.
     */
    public RequestView complete(UUID id, CompletionForm form) {
        ServiceRequest request = lockVisible(id);
        Volunteer actor = requireAssigneeOrStaff(request);
        request.require(Status.ACCEPTED, "completed");
        request.status = Status.DONE;
        request.completedAt = clock.now();
        request.completedBy = callerScope.username();
        request.completedOn = clock.dateOf(request.completedAt);
        request.notes = form.notes();
        request.hours = form.hours() == null ? null : form.hours().setScale(2);
        request.updatedAt = request.completedAt;
        credit(request, actor);
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(), ServiceRequestCompleted.of(request, districtOf(request)));
        LOG.infof("Service request %s done by %s %s", request.id, request.assigneeKind, request.assigneeId);
        return RequestMapper.view(request);
    }

    private void credit(ServiceRequest request, Volunteer actor) {
        if (request.hours == null || request.hours.signum() <= 0) {
            return;
        }
        UUID credited = switch (request.assigneeKind) {
            case VOLUNTEER -> request.assigneeId;
            case TEAM -> actor != null ? actor.id
                    : request.acceptedVolunteerId != null ? request.acceptedVolunteerId : leaderOf(request.assigneeId);
            case PROVIDER -> null;
        };
        if (credited == null) {
            return;
        }
        Volunteer volunteer = Volunteer.findById(credited);
        String community = request.communityCode != null ? request.communityCode
                : volunteer == null ? null : volunteer.communityCode;
        if (volunteer == null || community == null) {
            return;
        }
        request.creditedVolunteerId = credited;
        request.serviceRecordId = serviceRecords.recordCompletedRequest(request.id, credited, community,
                request.cadreId, request.completedOn, request.hours, "服务工单: " + request.serviceType.label());
    }

    private static UUID leaderOf(UUID teamId) {
        Team team = Team.findById(teamId);
        return team == null ? null : team.leaderId;
    }

    /** The cadre itself, or staff who see the request (its community or grid, a district admin). */
    public RequestView cancel(UUID id, String reason) {
        ServiceRequest request = lockVisible(id);
        if (request.status == Status.DONE || request.status == Status.CANCELLED) {
            throw new ConflictException("Service request " + id + " is " + request.status + ": it cannot be cancelled");
        }
        request.status = Status.CANCELLED;
        request.cancelledAt = clock.now();
        request.cancelledBy = callerScope.username();
        request.cancelReason = reason;
        request.updatedAt = request.cancelledAt;
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(), ServiceRequestCancelled.of(request, districtOf(request)));
        LOG.infof("Service request %s cancelled", request.id);
        return RequestMapper.view(request);
    }

    /** The cadre rates its own done request; rating again replaces the score and comment. */
    public RequestView rate(UUID id, RatingForm form) {
        ServiceRequest request = lockVisible(id);
        if (!ownCadre().equals(request.cadreId)) {
            throw new NotFoundException("Service request", id);
        }
        request.require(Status.DONE, "rated");
        request.ratingScore = form.score();
        request.ratingComment = form.comment();
        request.ratedAt = clock.now();
        request.updatedAt = request.ratedAt;
        outbox.publish(Volunteering.TOPIC, request.cadreId.toString(), ServiceRequestRated.of(request, districtOf(request)));
        LOG.infof("Service request %s rated %d", request.id, request.ratingScore);
        return RequestMapper.view(request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(UUID id) {
        ServiceRequest request = Rows.require(ServiceRequest.class, "Service request", id);
        if (!visible(request)) {
            throw new NotFoundException("Service request", id);
        }
        return RequestMapper.view(request);
    }

    /** Staff: the requests of their communities and grids (403 on a filter outside); a volunteer: those dispatched to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestView> list(String communityCode, String gridCode, Status status, ServiceType serviceType,
            UUID cadreId, UUID assigneeId, Instant updatedSince, PageRequest page) {
        ListQuery<ServiceRequest> query = ListQuery.of(ServiceRequest.class, "r");
        if (volunteers.isSelfService()) {
            query.where("(r.assigneeKind = :volunteerKind and r.assigneeId in "
                    + "(select v.id from Volunteer v where v.account = :account)) or (r.assigneeKind = :teamKind and "
                    + "r.assigneeId in (select m.teamId from TeamMember m, Volunteer v where m.volunteerId = v.id "
                    + "and v.account = :account))", Map.of("volunteerKind", AssigneeKind.VOLUNTEER, "teamKind",
                            AssigneeKind.TEAM, "account", callerScope.username()));
        } else {
            callerScope.requireFilter(communityCode, gridCode, null, cadres::communityOfGrid);
            if (cadreId != null) {
                // a filter on a cadre outside the scope (or unknown here) is a 403, as on an org outside it
                CadreRef cadre = cadres.find(cadreId);
                callerScope.requireCadre(cadre == null ? null : cadre.placement());
            }
            query.inScope(StaffScope.placesOf(callerScope.scope()), "r");
        }
        return query.eq("r.communityCode", communityCode)
                .eq("r.gridCode", gridCode)
                .eq("r.status", status)
                .eq("r.serviceType", serviceType)
                .eq("r.cadreId", cadreId)
                .eq("r.assigneeId", assigneeId)
                .after("r.updatedAt", updatedSince)
                .orderBy("r.updatedAt asc, r.id asc")
                .pageEach(page, RequestMapper::view);
    }

    /** A cadre's own requests, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestView> listOwn(Status status, PageRequest page) {
        return ListQuery.of(ServiceRequest.class, "r")
                .eq("r.cadreId", ownCadre())
                .eq("r.status", status)
                .orderBy("r.createdAt desc, r.id asc")
                .pageEach(page, RequestMapper::view);
    }

    // ---------------------------------------------------------------------------------------------------------

    private UUID ownCadre() {
        return callerScope.cadreId().orElseThrow(
                () -> new ForbiddenException("Your login names no cadre (token claim cadre_id)"));
    }

    private boolean isPartner() {
        return callerScope.hasRole(Roles.PARTNER) && !callerScope.hasRole(Roles.DISTRICT_ADMIN)
                && !callerScope.hasRole(Roles.COMMUNITY_WORKER) && !callerScope.hasRole(Roles.GRID_WORKER);
    }

    private static void requireSameCadre(ServiceRequest existing, UUID cadreId) {
        if (!existing.cadreId.equals(cadreId)) {
            throw new ConflictException("Service request id " + existing.id + " is already used for another cadre");
        }
    }

    private ServiceRequest lockVisible(UUID id) {
        ServiceRequest request = Rows.lock(ServiceRequest.class, "Service request", id);
        if (!visible(request)) {
            throw new NotFoundException("Service request", id);
        }
        return request;
    }

    private boolean visible(ServiceRequest request) {
        Optional<UUID> cadre = callerScope.cadreId();
        if (cadre.isPresent() && cadre.get().equals(request.cadreId)) {
            return true;
        }
        if (volunteers.isSelfService()) {
            return callingAssignee(request) != null;
        }
        return StaffScope.placesOf(callerScope.scope()).covers(request.communityCode, request.gridCode, null);
    }

    /** The calling volunteer when the request is dispatched to it or to a team it belongs to; else null. */
    private Volunteer callingAssignee(ServiceRequest request) {
        if (!volunteers.isSelfService() || request.assigneeKind == null
                || request.assigneeKind == AssigneeKind.PROVIDER) {
            return null;
        }
        Volunteer me = volunteers.me().orElse(null);
        if (me == null) {
            return null;
        }
        if (request.assigneeKind == AssigneeKind.VOLUNTEER) {
            return me.id.equals(request.assigneeId) ? me : null;
        }
        return TeamMember.findById(new TeamMember.Key(request.assigneeId, me.id)) != null ? me : null;
    }

    /**
     * The volunteer acting as assignee (404 when the request is not its), or null for staff, who act on behalf of
     * anyone only in the request's community (403 otherwise).
     */
    private Volunteer requireAssigneeOrStaff(ServiceRequest request) {
        if (volunteers.isSelfService()) {
            Volunteer me = callingAssignee(request);
            if (me == null) {
                throw new NotFoundException("Service request", request.id);
            }
            return me;
        }
        callerScope.requireCommunity(request.communityCode);
        return null;
    }

    /** The district of the request's community, for its events (null when the org records do not tell). */
    private String districtOf(ServiceRequest request) {
        return orgs.districtOf(request.communityCode);
    }
}
