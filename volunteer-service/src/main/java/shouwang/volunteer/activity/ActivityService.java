package shouwang.volunteer.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.activity.ActivityDtos.ActivityRequest;
import shouwang.volunteer.activity.ActivityDtos.ActivityView;
import shouwang.volunteer.activity.ActivityDtos.SessionRequest;
import shouwang.volunteer.cadre.CadreDirectory;

/**
 * Activities are run by their community's workers (and district admins); whoever's scope holds the community (a
 * volunteer's: its token's) may browse them, as teams.
 */
@ApplicationScoped
@Transactional
public class ActivityService {

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    CadreDirectory cadres;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Saved<ActivityView> create(ActivityRequest request) {
        Activity existing = Rows.repeated(Activity.class, request.id());
        if (existing != null) {
            requireManages(existing);
            return Saved.existing(view(existing));
        }
        List<SessionRequest> given = request.sessions();
        InvalidFieldsException.Collector bad = new InvalidFieldsException.Collector();
        for (int i = 0; i < given.size(); i++) {
            SessionRequest session = given.get(i);
            if (!session.endsAt().isAfter(session.startsAt())) {
                bad.add("sessions[" + i + "].endsAt", "must be after startsAt");
            }
        }
        bad.throwIfAny();
        callerScope.requireCommunity(request.communityCode());
        List<SessionRequest> ordered = new ArrayList<>(given);
        ordered.sort(Comparator.comparing(SessionRequest::startsAt).thenComparing(SessionRequest::endsAt));
        Activity activity = new Activity();
        activity.id = request.id() == null ? UUID.randomUUID() : request.id();
        activity.title = request.title().trim();
        activity.kind = request.kind();
        activity.communityCode = request.communityCode();
        activity.capacity = request.capacity();
        activity.enrolledCount = 0;
        activity.description = request.description();
        activity.teacher = request.teacher() == null ? null : request.teacher().trim();
        activity.sessionCount = ordered.size();
        activity.firstStartsAt = ordered.get(0).startsAt();
        activity.lastEndsAt = ordered.stream().map(SessionRequest::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        activity.createdBy = callerScope.username();
        activity.createdAt = clock.now();
        activity.updatedAt = activity.createdAt;
        activity.persist();
        for (int i = 0; i < ordered.size(); i++) {
            ActivitySession session = new ActivitySession();
            session.activityId = activity.id;
            session.n = i + 1;
            session.startsAt = ordered.get(i).startsAt();
            session.endsAt = ordered.get(i).endsAt();
            session.place = ordered.get(i).place().trim();
            session.persist();
        }
        outbox.publish(Volunteering.TOPIC, activity.id.toString(), ActivityPublished.of(activity,
                orgs.districtOf(activity.communityCode)));
        LOG.infof("Activity %s published in %s (%s, capacity %d, %d sessions)", activity.id, activity.communityCode,
                activity.kind, activity.capacity, activity.sessionCount);
        return Saved.created(view(activity));
    }

    /** One activity with its sessions, for a caller whose scope holds its community (else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityView get(UUID id) {
        return view(visible(id));
    }

    /**
     * Activities of the caller's communities; {@code from}/{@code to} (district days) keep those with a session time
     * span that meets them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActivityView> list(String communityCode, ActivityKind kind, LocalDate from, LocalDate to,
            PageRequest page) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidFieldsException.of("to", "must not be before from");
        }
        callerScope.requireFilter(communityCode, null, null, cadres::communityOfGrid);
        return ListQuery.of(Activity.class, "a")
                .inScope(StaffScope.communitiesOf(callerScope.scope()), "a")
                .eq("a.communityCode", communityCode)
                .eq("a.kind", kind)
                .after("a.lastEndsAt", from == null ? null : clock.startOf(from))
                .before("a.firstStartsAt", to == null ? null : clock.startOf(to.plusDays(1)))
                .orderBy("a.firstStartsAt asc, a.id asc")
                .pageEach(page, activity -> view(activity, null));
    }

    /** The activity, for a caller whose scope holds its community; a 404 otherwise, like any record outside it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity visible(UUID id) {
        Activity activity = Rows.require(Activity.class, "Activity", id);
        if (!callerScope.scope().coversCommunity(activity.communityCode)) {
            throw new NotFoundException("Activity", id);
        }
        return activity;
    }

    /** The activity's row locked, for a change by its community's staff (403 outside it, 404 unknown). */
    Activity managed(UUID id) {
        Activity activity = Rows.lock(Activity.class, "Activity", id);
        requireManages(activity);
        return activity;
    }

    void requireManages(Activity activity) {
        callerScope.requireCommunity(activity.communityCode);
    }

    static List<ActivitySession> sessions(UUID activityId) {
        return ActivitySession.list("activityId = ?1 order by n", activityId);
    }

    static ActivitySession session(Activity activity, Integer n) {
        ActivitySession session = n == null ? null
                : ActivitySession.findById(new ActivitySession.Key(activity.id, n));
        if (session == null) {
            throw new NotFoundException("Session", n == null ? "" : n);
        }
        return session;
    }

    private ActivityView view(Activity activity) {
        return view(activity, sessions(activity.id));
    }

    private static ActivityView view(Activity activity, List<ActivitySession> sessions) {
        return ActivityMapper.view(activity, sessions);
    }
}
