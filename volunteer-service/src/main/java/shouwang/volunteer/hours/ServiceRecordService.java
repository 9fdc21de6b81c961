package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordView;
import shouwang.volunteer.post.Claim;
import shouwang.volunteer.post.Post;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerService;

/**
 * Service records: recorded by the volunteer or by staff, verified (or rejected) by the post's owner — the community
 * workers of the record's community, or a district admin. Only verification earns hours and counts in statistics.
 */
@ApplicationScoped
@Transactional
public class ServiceRecordService {

    private static final Logger LOG = Logger.getLogger(ServiceRecordService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    VolunteerService volunteers;

    @Inject
    CadreDirectory cadres;

    @Inject
    TimeBank timeBank;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Saved<ServiceRecordView> record(ServiceRecordRequest request) {
        ServiceRecord existing = Rows.repeated(ServiceRecord.class, request.id());
        if (existing != null) {
            requireVisible(existing);
            return Saved.existing(view(existing));
        }
        boolean self = volunteers.isSelfService();
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        Volunteer volunteer = null;
        if (request.volunteerId() != null) {
            volunteer = Volunteer.findById(request.volunteerId());
            if (volunteer == null) {
                problems.add("volunteerId", "is not a known volunteer");
            }
        } else if (self) {
            volunteer = volunteers.me().orElse(null);
            if (volunteer == null) {
                problems.add("volunteerId", "sign up for a post first, so your login is linked to a volunteer");
            }
        } else {
            problems.add("volunteerId", "is required");
        }
        Post post = null;
        if (request.postId() != null) {
            post = Post.findById(request.postId());
            if (post == null) {
                problems.add("postId", "is not a known post");
            }
        }
        String requested = QueryParams.text(request.communityCode());
        String community = requested != null ? requested : post == null ? null : post.communityCode;
        if (community == null) {
            problems.add("communityCode", "is required when the service belongs to no post");
        }
        if (request.serviceType() == null && post == null) {
            problems.add("serviceType", "is required when the service belongs to no post");
        }
        if (request.servedOn() != null && request.servedOn().isAfter(clock.today())) {
            problems.add("servedOn", "must not be in the future");
        }
        if (request.beneficiaryCadreId() != null && cadres.find(request.beneficiaryCadreId()) == null) {
            problems.add("beneficiaryCadreId", "is not a cadre known to volunteering");
        }
        problems.throwIfAny();
        if (self) {
            if (!volunteers.isOwn(volunteer)) {
                throw new ForbiddenException("A volunteer records only their own service");
            }
            if (post != null && Claim.count("postId = ?1 and volunteerId = ?2", post.id, volunteer.id) == 0) {
                if (!StaffScope.placesOf(callerScope.scope()).covers(post.communityCode, post.gridCode, null)) {
                    // a post it cannot see is outside its scope (403), not a state clash that confirms it exists
                    throw new ForbiddenException("Post " + post.id + " is outside your scope");
                }
                throw new ConflictException("You have not claimed post " + post.id);
            }
            if (post == null && !callerScope.scope().coversCommunity(community)) {
                // service outside any post: only where the volunteer may act, the communities of its token
                throw new ForbiddenException("Community " + community + " is outside your scope");
            }
        } else {
            callerScope.requireCommunity(community);
        }
        ServiceRecord record = new ServiceRecord();
        record.id = request.id() == null ? UUID.randomUUID() : request.id();
        record.volunteerId = volunteer.id;
        record.postId = post == null ? null : post.id;
        record.communityCode = community;
        record.serviceType = request.serviceType() != null ? request.serviceType() : post.category;
        record.servedOn = request.servedOn();
        record.startedAt = request.startedAt();
        record.hours = request.hours().setScale(2);
        record.peopleServed = request.peopleServed() == null ? 1 : request.peopleServed();
        record.beneficiaryCadreId = request.beneficiaryCadreId();
        record.description = request.description();
        record.status = ServiceRecord.Status.PENDING;
        record.recordedBy = callerScope.username();
        record.recordedAt = clock.now();
        record.updatedAt = record.recordedAt;
        record.persist();
        LOG.infof("Service record %s: volunteer %s, %s hours of %s in %s, awaiting verification", record.id,
                volunteer.id, record.hours, record.serviceType, record.communityCode);
        return Saved.created(HoursMapper.view(record, volunteer));
    }

    /** Verifying twice is harmless: the hours are earned and announced once. */
    public ServiceRecordView verify(UUID id) {
        ServiceRecord record = lockManaged(id);
        if (record.status == ServiceRecord.Status.REJECTED) {
            throw new ConflictException("Service record " + id + " was rejected");
        }
        if (record.status == ServiceRecord.Status.PENDING) {
            record.status = ServiceRecord.Status.VERIFIED;
            record.verifiedBy = callerScope.username();
            record.verifiedAt = clock.now();
            record.updatedAt = record.verifiedAt;
            timeBank.earn(record);
            outbox.publish(Volunteering.TOPIC, ServiceHoursLogged.keyOf(record), ServiceHoursLogged.of(record,
                orgs.districtOf(record.communityCode)));
            LOG.infof("Service record %s verified: %s hours for volunteer %s", record.id, record.hours,
                    record.volunteerId);
        }
        return view(record);
    }

    /**
     * The hours of a completed service request (issue 12), for the volunteer it credits: a VERIFIED record (助老服务,
     * the cadre as beneficiary, served on the completion day) earned and announced exactly as {@link #verify} does.
     * One record per request (its id follows from the request's; a unique index backs it up). Returns the record id.
     */
    public UUID recordCompletedRequest(UUID serviceRequestId, UUID volunteerId, String communityCode, UUID cadreId,
            LocalDate servedOn, BigDecimal hours, String description) {
        UUID id = UUID.nameUUIDFromBytes(("service-request/" + serviceRequestId).getBytes(StandardCharsets.UTF_8));
        if (ServiceRecord.findById(id) != null) {
            return id;
        }
        ServiceRecord record = new ServiceRecord();
        record.id = id;
        record.volunteerId = volunteerId;
        record.communityCode = communityCode;
        record.serviceType = ServiceCategory.ELDER_HELP;
        record.servedOn = servedOn;
        record.hours = hours.setScale(2);
        record.peopleServed = 1;
        record.beneficiaryCadreId = cadreId;
        record.serviceRequestId = serviceRequestId;
        record.description = description;
        record.status = ServiceRecord.Status.VERIFIED;
        record.recordedBy = callerScope.username();
        record.recordedAt = clock.now();
        record.verifiedBy = record.recordedBy;
        record.verifiedAt = record.recordedAt;
        record.updatedAt = record.recordedAt;
        record.persist();
        timeBank.earn(record);
        outbox.publish(Volunteering.TOPIC, ServiceHoursLogged.keyOf(record), ServiceHoursLogged.of(record,
                orgs.districtOf(record.communityCode)));
        LOG.infof("Service record %s of service request %s: %s hours for volunteer %s", record.id, serviceRequestId,
                record.hours, volunteerId);
        return id;
    }

    public ServiceRecordView reject(UUID id, String reason) {
        ServiceRecord record = lockManaged(id);
        if (record.status == ServiceRecord.Status.VERIFIED) {
            throw new ConflictException("Service record " + id + " is verified and its hours earned");
        }
        if (record.status == ServiceRecord.Status.PENDING) {
            record.status = ServiceRecord.Status.REJECTED;
            record.rejectReason = reason;
            record.verifiedBy = callerScope.username();
            record.verifiedAt = clock.now();
            record.updatedAt = record.verifiedAt;
            LOG.infof("Service record %s rejected", record.id);
        }
        return view(record);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceRecordView get(UUID id) {
        ServiceRecord record = Rows.require(ServiceRecord.class, "Service record", id);
        requireVisible(record);
        return view(record);
    }

    /** Staff see the records of their communities; a volunteer sees their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ServiceRecordView> list(UUID volunteerId, String communityCode, UUID postId,
            ServiceRecord.Status status, LocalDate from, LocalDate to, Instant updatedSince, PageRequest page) {
        ListQuery<ServiceRecord> query = ListQuery.of(ServiceRecord.class, "r");
        if (volunteers.isSelfService()) {
            volunteers.onlyOwn(query, "r.volunteerId");
        } else {
            callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
            query.inScope(StaffScope.communitiesOf(callerScope.scope()), "r");
        }
        return query.eq("r.volunteerId", volunteerId)
                .eq("r.communityCode", communityCode)
                .eq("r.postId", postId)
                .eq("r.status", status)
                .atLeast("r.servedOn", from)
                .atMost("r.servedOn", to)
                .after("r.updatedAt", updatedSince)
                .orderBy("r.updatedAt asc, r.id asc")
                .page(page, rows -> VolunteerService.withVolunteers(rows, r -> r.volunteerId, HoursMapper::view));
    }

    private ServiceRecord lockManaged(UUID id) {
        ServiceRecord record = Rows.lock(ServiceRecord.class, "Service record", id);
        callerScope.requireVisible("Service record", id, record.communityCode, null, null);
        callerScope.requireCommunity(record.communityCode);
        return record;
    }

    private void requireVisible(ServiceRecord record) {
        Volunteer volunteer = Volunteer.findById(record.volunteerId);
        if (!volunteers.isOwn(volunteer) && !volunteers.staffCovers(record.communityCode, null, null)) {
            throw new NotFoundException("Service record", record.id);
        }
    }

    private static ServiceRecordView view(ServiceRecord record) {
        return HoursMapper.view(record, Volunteer.findById(record.volunteerId));
    }
}
