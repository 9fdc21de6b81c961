package shouwang.volunteer.activity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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
import shouwang.volunteer.Rows;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.activity.ActivityDtos.EnrolmentView;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreLeft;
import shouwang.volunteer.cadre.CadreRef;

/**
 * Enrolments (报名) of cadres in activities of their own community, by staff of the community or by the cadre itself.
 * The activity's row lock serialises enrolments of one activity, so its capacity always holds.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    ActivityService activities;

    @Inject
    CadreDirectory cadres;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Staff enrol a cadre of the activity's community (400 when volunteering knows no such cadre there). */
    public Saved<EnrolmentView> enrol(UUID activityId, UUID clientId, UUID cadreId) {
        Saved<EnrolmentView> repeated = repeated(activityId, clientId, null);
        if (repeated != null) {
            activities.requireManages(Rows.require(Activity.class, "Activity", activityId));
            return repeated;
        }
        Activity activity = Rows.require(Activity.class, "Activity", activityId);
        activities.requireManages(activity);
        activity.requireRoom(clock.now());
        CadreRef cadre = cadres.find(cadreId);
        if (cadre == null || !activity.communityCode.equals(cadre.placement().communityCode)) {
            throw InvalidFieldsException.of("cadreId",
                    "is not a cadre of community " + activity.communityCode + " known to volunteering");
        }
        if (!cadre.isActive()) {
            throw new ConflictException("Cadre " + cadre.id + " is " + cadre.status);
        }
        return take(activity, cadre, clientId);
    }

    /** The cadre of the token enrols itself, in an activity of its own community only (403 otherwise). */
    public Saved<EnrolmentView> enrolMe(UUID activityId, UUID clientId) {
        UUID cadreId = ownCadre();
        Saved<EnrolmentView> repeated = repeated(activityId, clientId, cadreId);
        if (repeated != null) {
            return repeated;
        }
        Activity activity = Rows.require(Activity.class, "Activity", activityId);
        CadreRef cadre = cadres.find(cadreId);
        if (cadre == null) {
            throw new ConflictException("Your registry profile has not reached volunteering yet; try again later");
        }
        if (!activity.communityCode.equals(cadre.placement().communityCode)) {
            throw new ForbiddenException("Activity " + activity.id + " is not of your community");
        }
        if (!cadre.isActive()) {
            throw new ConflictException("Cadre " + cadre.id + " is " + cadre.status);
        }
        activity.requireRoom(clock.now());
        return take(activity, cadre, clientId);
    }

    /**
     * Takes a place: the cheap checks ran without a lock; now the activity row is locked (SELECT ... FOR UPDATE) and
     * re-read, so concurrent enrolments run their checks one after another on the count the previous one committed.
     */
    private Saved<EnrolmentView> take(Activity activity, CadreRef cadre, UUID clientId) {
        Activity.getEntityManager().refresh(activity, LockModeType.PESSIMISTIC_WRITE);
        // a retry that raced its original: now serialised behind it
        Saved<EnrolmentView> repeated = repeated(activity.id, clientId, null);
        if (repeated != null) {
            return repeated;
        }
        if (Enrolment.count("activityId = ?1 and cadreId = ?2 and status = ?3", activity.id, cadre.id,
                Enrolment.Status.ACTIVE) > 0) {
            throw new ConflictException("Cadre " + cadre.id + " is already enrolled in activity " + activity.id);
        }
        activity.take(clock.now());
        Enrolment enrolment = new Enrolment();
        enrolment.id = clientId == null ? UUID.randomUUID() : clientId;
        enrolment.activityId = activity.id;
        enrolment.cadreId = cadre.id;
        enrolment.status = Enrolment.Status.ACTIVE;
        enrolment.enrolledBy = callerScope.username();
        enrolment.enrolledAt = activity.updatedAt;
        enrolment.updatedAt = activity.updatedAt;
        enrolment.persist();
        outbox.publish(Volunteering.TOPIC, cadre.id.toString(), ActivityEnrolled.of(activity, enrolment));
        LOG.infof("Enrolment %s: cadre %s took place %d/%d in activity %s", enrolment.id, cadre.id,
                activity.enrolledCount, activity.capacity, activity.id);
        return Saved.created(ActivityMapper.view(enrolment, cadre));
    }

    /** Staff withdraw an enrolment of their community's activity; the place is freed. */
    public EnrolmentView withdraw(UUID activityId, UUID enrolmentId) {
        Activity activity = activities.managed(activityId);
        Enrolment enrolment = enrolmentId == null ? null : Enrolment.findById(enrolmentId);
        if (enrolment == null || !enrolment.activityId.equals(activity.id)) {
            throw new NotFoundException("Enrolment", enrolmentId);
        }
        withdraw(activity, enrolment);
        return ActivityMapper.view(enrolment, cadres.find(enrolment.cadreId));
    }

    /** The cadre withdraws its own enrolment (its latest one, so a repeat answers the same withdrawn enrolment). */
    public EnrolmentView withdrawMe(UUID activityId) {
        UUID cadreId = ownCadre();
        Activity activity = Rows.lock(Activity.class, "Activity", activityId);
        Enrolment enrolment = Enrolment.<Enrolment>find(
                "activityId = ?1 and cadreId = ?2 order by case when status = ?3 then 0 else 1 end, enrolledAt desc",
                activity.id, cadreId, Enrolment.Status.ACTIVE).firstResult();
        if (enrolment == null) {
            throw new NotFoundException("Enrolment in activity", activityId);
        }
        withdraw(activity, enrolment);
        return ActivityMapper.view(enrolment, cadres.find(cadreId));
    }

    private void withdraw(Activity activity, Enrolment enrolment) {
        if (enrolment.status == Enrolment.Status.ACTIVE) {
            enrolment.status = Enrolment.Status.WITHDRAWN;
            enrolment.withdrawnAt = clock.now();
            enrolment.updatedAt = enrolment.withdrawnAt;
            activity.free(enrolment.withdrawnAt);
            LOG.infof("Enrolment %s withdrawn from activity %s (%d/%d taken)", enrolment.id, activity.id,
                    activity.enrolledCount, activity.capacity);
        }
    }

    /**
     * A cadre who died or moved away keeps no place: its active enrolments are withdrawn (places freed), so its
     * sessions are not counted as absences and no absence flag sends a grid worker to it.
     */
    void onCadreLeft(@Observes CadreLeft left) {
        List<Enrolment> active = Enrolment.list("cadreId = ?1 and status = ?2 order by activityId", left.cadreId(),
                Enrolment.Status.ACTIVE);
        for (Enrolment enrolment : active) {
            // activities locked in id order, so two cadres leaving in parallel batches cannot deadlock
            Activity activity = Rows.lock(Activity.class, "Activity", enrolment.activityId);
            withdraw(activity, enrolment);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EnrolmentView> list(UUID activityId, Enrolment.Status status, PageRequest page) {
        Activity activity = activities.visible(activityId);
        activities.requireManages(activity);
        return ListQuery.of(Enrolment.class, "e")
                .eq("e.activityId", activity.id)
                .eq("e.status", status)
                .orderBy("e.enrolledAt asc, e.id asc")
                .page(page, rows -> {
                    Map<UUID, CadreRef> named = cadresById(rows.stream().map(e -> e.cadreId).toList());
                    return rows.stream().map(e -> ActivityMapper.view(e, named.get(e.cadreId))).toList();
                });
    }

    /** The active enrolment of a cadre in an activity, or null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Enrolment active(UUID activityId, UUID cadreId) {
        return Enrolment.<Enrolment>find("activityId = ?1 and cadreId = ?2 and status = ?3", activityId, cadreId,
                Enrolment.Status.ACTIVE).firstResult();
    }

    /** The cadres of these ids that volunteering knows, by id (one query). */
    static Map<UUID, CadreRef> cadresById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<CadreRef> found = CadreRef.list("id in ?1", List.copyOf(ids));
        return found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** The cadre of a {@code cadre} token; 403 for a token that names none. */
    UUID ownCadre() {
        return callerScope.cadreId()
                .orElseThrow(() -> new ForbiddenException("The token names no cadre (claim cadre_id)"));
    }

    /**
     * The enrolment a client id names, if a first call already made it (a retried create); null otherwise. An id used
     * for another activity (or, for a cadre, another cadre) is a 409.
     */
    private Saved<EnrolmentView> repeated(UUID activityId, UUID clientId, UUID cadreId) {
        Enrolment existing = Rows.repeated(Enrolment.class, clientId);
        if (existing == null) {
            return null;
        }
        if (!existing.activityId.equals(activityId) || (cadreId != null && !existing.cadreId.equals(cadreId))) {
            throw new ConflictException("Enrolment id " + clientId + " is already used for another enrolment");
        }
        return Saved.existing(ActivityMapper.view(existing, cadres.find(existing.cadreId)));
    }
}
