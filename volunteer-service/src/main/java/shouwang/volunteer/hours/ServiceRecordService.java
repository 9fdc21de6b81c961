package shouwang.volunteer.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Created;
import shouwang.volunteer.Filter;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordView;
import shouwang.volunteer.post.Claim;
import shouwang.volunteer.post.Post;
import shouwang.volunteer.volunteer.Volunteer;
import shouwang.volunteer.volunteer.VolunteerService;

/**
 * Service records: recorded by the volunteer or by staff, verified (or rejected) by the post's owner — the community
 * workers of the record's community, or a district admin. Only verification earns hours and counts in statistics.
 */
@ApplicationScoped
@Transactional
public class ServiceRecordService {

    private static final Logger LOG = Logger.getLogger(ServiceRecordService.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    CallerScope callerScope;

    @Inject
    VolunteerService volunteers;

    @Inject
    CadreDirectory cadres;

    @Inject
    TimeBank timeBank;

    @Inject
    Outbox outbox;

    public Created<ServiceRecordView> record(ServiceRecordRequest request) {
        if (request.id() != null) {
            ServiceRecord existing = ServiceRecord.findById(request.id());
            if (existing != null) {
                requireVisible(existing);
                return Created.found(HoursMapper.view(existing, Volunteer.findById(existing.volunteerId)));
            }
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
        String community = request.communityCode() != null && !request.communityCode().isBlank()
                ? request.communityCode().trim() : post == null ? null : post.communityCode;
        if (community == null) {
            problems.add("communityCode", "is required when the service belongs to no post");
        }
        if (request.serviceType() == null && post == null) {
            problems.add("serviceType", "is required when the service belongs to no post");
        }
        if (request.servedOn() != null && request.servedOn().isAfter(LocalDate.now(CHINA))) {
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
                throw new ConflictException("You have not claimed post " + post.id);
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
        record.recordedAt = Instant.now();
        record.updatedAt = record.recordedAt;
        record.persist();
        LOG.infof("Service record %s: volunteer %s, %s hours of %s in %s, awaiting verification", record.id,
                volunteer.id, record.hours, record.serviceType, record.communityCode);
        return Created.made(HoursMapper.view(record, volunteer));
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
            record.verifiedAt = Instant.now();
            record.updatedAt = record.verifiedAt;
            timeBank.earn(record);
            outbox.publish(Volunteering.TOPIC, keyOf(record), Volunteering.SERVICE_HOURS_LOGGED,
                    HoursMapper.logged(record));
            LOG.infof("Service record %s verified: %s hours for volunteer %s", record.id, record.hours,
                    record.volunteerId);
        }
        return HoursMapper.view(record, Volunteer.findById(record.volunteerId));
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
            record.verifiedAt = Instant.now();
            record.updatedAt = record.verifiedAt;
            LOG.infof("Service record %s rejected", record.id);
        }
        return HoursMapper.view(record, Volunteer.findById(record.volunteerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceRecordView get(UUID id) {
        ServiceRecord record = id == null ? null : ServiceRecord.findById(id);
        if (record == null) {
            throw new NotFoundException("Service record", id);
        }
        requireVisible(record);
        return HoursMapper.view(record, Volunteer.findById(record.volunteerId));
    }

    /** Staff see the records of their communities; a volunteer sees their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ServiceRecordView> list(UUID volunteerId, String communityCode, UUID postId,
            ServiceRecord.Status status, LocalDate from, LocalDate to, Instant updatedSince, PageRequest page) {
        Filter filter = new Filter();
        if (volunteers.isSelfService()) {
            filter.eq("volunteerId", volunteers.me().map(v -> v.id).orElse(new UUID(0, 0)));
        } else {
            filter.within(callerScope.scope(), "communityCode", null, null);
        }
        filter.eq("volunteerId", volunteerId).eq("communityCode", communityCode).eq("postId", postId)
                .eq("status", status).atLeast("servedOn", from).atMost("servedOn", to)
                .after("updatedAt", updatedSince);
        return Filter.page(ServiceRecord.<ServiceRecord>find(filter.where(), Sort.by("updatedAt").and("id"),
                filter.params()), page, rows -> {
                    Map<UUID, Volunteer> byId = VolunteerService.byId(rows.stream().map(r -> r.volunteerId).toList());
                    return rows.stream().map(r -> HoursMapper.view(r, byId.get(r.volunteerId))).toList();
                });
    }

    private ServiceRecord lockManaged(UUID id) {
        ServiceRecord record = id == null ? null : ServiceRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            throw new NotFoundException("Service record", id);
        }
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

    /** The helped cadre where there is one, else the post, else the volunteer. */
    private static String keyOf(ServiceRecord record) {
        UUID key = record.beneficiaryCadreId != null ? record.beneficiaryCadreId
                : record.postId != null ? record.postId : record.volunteerId;
        return key.toString();
    }
}
