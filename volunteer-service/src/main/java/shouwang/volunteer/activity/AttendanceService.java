package shouwang.volunteer.activity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Placement;
import shouwang.volunteer.Rows;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.activity.ActivityDtos.AttendanceSummary;
import shouwang.volunteer.activity.ActivityDtos.AttendanceView;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.cadre.CadreRef;

/**
 * Attendance of sessions (签到): staff record a whole session (every active enrolment PRESENT or ABSENT), a cadre or
 * staff sign one cadre in. After a session is recorded, a cadre whose last three recorded sessions were all absences
 * is flagged once for that run (连续三次缺勤, {@link ActivityAbsenceFlagged}); a later presence starts a new run.
 */
@ApplicationScoped
@Transactional
public class AttendanceService {

    private static final Logger LOG = Logger.getLogger(AttendanceService.class);
    /** A run of this many absences in a row is flagged. */
    static final int ABSENCES_IN_A_ROW = 3;
    /** A cadre may sign itself in from this long before a session starts. */
    static final Duration SIGN_IN_OPENS_BEFORE = Duration.ofHours(1);

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    ActivityService activities;

    @Inject
    EnrolmentService enrolments;

    @Inject
    CadreDirectory cadres;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Records session {@code n}: the cadres named present, every other active enrolment absent. Recording it again
     * replaces what was recorded (sign-ins included), so the same request twice leaves the same attendance.
     */
    public AttendanceSummary record(UUID activityId, Integer n, List<UUID> presentCadreIds) {
        Activity activity = activities.managed(activityId);
        ActivitySession session = ActivityService.session(activity, n);
        Instant now = clock.now();
        if (session.startsAt.isAfter(now)) {
            throw new ConflictException("Session " + session.n + " of activity " + activity.id + " has not started yet");
        }
        Map<UUID, Enrolment> enrolled = Enrolment.<Enrolment>list("activityId = ?1 and status = ?2", activity.id,
                Enrolment.Status.ACTIVE).stream().collect(Collectors.toMap(e -> e.cadreId, Function.identity()));
        InvalidFieldsException.Collector bad = new InvalidFieldsException.Collector();
        Set<UUID> present = new HashSet<>();
        for (int i = 0; i < presentCadreIds.size(); i++) {
            UUID cadreId = presentCadreIds.get(i);
            if (!enrolled.containsKey(cadreId)) {
                bad.add("presentCadreIds[" + i + "]", "is not enrolled in this activity");
            }
            present.add(cadreId);
        }
        bad.throwIfAny();
        List<Enrolment> absent = new ArrayList<>();
        for (Enrolment enrolment : enrolled.values()) {
            boolean here = present.contains(enrolment.cadreId);
            mark(enrolment, session, here ? Attendance.Status.PRESENT : Attendance.Status.ABSENT,
                    Attendance.Source.RECORDED, now);
            if (!here) {
                absent.add(enrolment);
            }
        }
        session.attendanceRecordedAt = now;
        activity.updatedAt = now;
        outbox.publish(Volunteering.TOPIC, activity.id.toString(), new AttendanceRecorded(activity.id, session.n,
                session.startsAt, present.size(), absent.size()));
        LOG.infof("Attendance of session %d of activity %s recorded: %d present, %d absent", session.n, activity.id,
                present.size(), absent.size());
        List<UUID> flagged = new ArrayList<>();
        for (Enrolment enrolment : absent) {
            if (flagIfThirdAbsence(activity, enrolment, session, now)) {
                flagged.add(enrolment.cadreId);
            }
        }
        return new AttendanceSummary(activity.id, session.n, session.startsAt, present.size(), absent.size(),
                flagged);
    }

    /** Staff sign one enrolled cadre in (PRESENT), e.g. at the door. */
    public AttendanceView signIn(UUID activityId, Integer n, UUID cadreId) {
        Activity activity = activities.managed(activityId);
        ActivitySession session = ActivityService.session(activity, n);
        Enrolment enrolment = enrolments.active(activity.id, cadreId);
        if (enrolment == null) {
            throw InvalidFieldsException.of("cadreId", "is not enrolled in this activity");
        }
        return signIn(activity, session, enrolment);
    }

    /** The cadre of the token signs itself in, from an hour before the session until the end of its day. */
    public AttendanceView signInMe(UUID activityId, Integer n) {
        UUID cadreId = enrolments.ownCadre();
        Activity activity = Rows.lock(Activity.class, "Activity", activityId);
        Enrolment enrolment = enrolments.active(activity.id, cadreId);
        if (enrolment == null) {
            throw new NotFoundException("Enrolment in activity", activityId);
        }
        ActivitySession session = ActivityService.session(activity, n);
        Instant now = clock.now();
        Instant opens = session.startsAt.minus(SIGN_IN_OPENS_BEFORE);
        Instant closes = clock.startOf(clock.dateOf(session.endsAt).plusDays(1));
        if (now.isBefore(opens) || !now.isBefore(closes)) {
            throw new ConflictException("Sign-in to session " + session.n + " is open from " + opens + " until "
                    + closes);
        }
        return signIn(activity, session, enrolment);
    }

    private AttendanceView signIn(Activity activity, ActivitySession session, Enrolment enrolment) {
        Attendance attendance = mark(enrolment, session, Attendance.Status.PRESENT, Attendance.Source.SIGN_IN,
                clock.now());
        LOG.infof("Cadre %s signed in to session %d of activity %s", enrolment.cadreId, session.n, activity.id);
        return view(enrolment, attendance, cadres.find(enrolment.cadreId));
    }

    /**
     * The cadres of session {@code n}: every active enrolment and any other that has attendance of it, with PRESENT,
     * ABSENT or UNRECORDED.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AttendanceView> list(UUID activityId, Integer n, PageRequest page) {
        Activity activity = activities.visible(activityId);
        activities.requireManages(activity);
        ActivitySession session = ActivityService.session(activity, n);
        return ListQuery.of(Enrolment.class, "e")
                .eq("e.activityId", activity.id)
                .where("e.status = :active or exists (select 1 from Attendance t where t.enrolmentId = e.id "
                        + "and t.n = :session)", Map.of("active", Enrolment.Status.ACTIVE, "session", session.n))
                .orderBy("e.enrolledAt asc, e.id asc")
                .page(page, rows -> {
                    List<UUID> ids = rows.stream().map(e -> e.id).toList();
                    Map<UUID, Attendance> marks = ids.isEmpty() ? Map.of()
                            : Attendance.<Attendance>list("n = ?1 and enrolmentId in ?2", session.n, ids).stream()
                                    .collect(Collectors.toMap(a -> a.enrolmentId, Function.identity()));
                    Map<UUID, CadreRef> named = EnrolmentService.cadresById(rows.stream().map(e -> e.cadreId).toList());
                    return rows.stream().map(e -> view(e, marks.get(e.id), named.get(e.cadreId))).toList();
                });
    }

    private Attendance mark(Enrolment enrolment, ActivitySession session, Attendance.Status status,
            Attendance.Source source, Instant at) {
        Attendance attendance = Attendance.findById(new Attendance.Key(enrolment.id, session.n));
        if (attendance == null) {
            attendance = new Attendance();
            attendance.enrolmentId = enrolment.id;
            attendance.n = session.n;
            attendance.activityId = enrolment.activityId;
            attendance.cadreId = enrolment.cadreId;
        }
        attendance.status = status;
        attendance.source = source;
        attendance.recordedBy = callerScope.username();
        attendance.recordedAt = at;
        attendance.persist();
        return attendance;
    }

    /**
     * Flags the enrolment when its recorded sessions up to this one end in a run of at least three absences that was
     * not flagged yet. The run is named by the enrolment and the session that made it three long, so recording a
     * session again (or a fourth absence) does not flag it twice, and a presence in between starts a new run.
     */
    private boolean flagIfThirdAbsence(Activity activity, Enrolment enrolment, ActivitySession session,
            Instant now) {
        List<Attendance> recorded = Attendance.list("enrolmentId = ?1 and n <= ?2 order by n desc", enrolment.id,
                session.n);
        List<Integer> run = new ArrayList<>();
        for (Attendance attendance : recorded) {
            if (attendance.status != Attendance.Status.ABSENT) {
                break;
            }
            run.add(attendance.n);
        }
        if (run.size() < ABSENCES_IN_A_ROW) {
            return false;
        }
        int third = run.get(run.size() - ABSENCES_IN_A_ROW);
        UUID flagId = UUID.nameUUIDFromBytes(("activity-absence/" + enrolment.id + "/" + third)
                .getBytes(StandardCharsets.UTF_8));
        if (AbsenceFlag.findById(flagId) != null) {
            return false;
        }
        AbsenceFlag flag = new AbsenceFlag();
        flag.id = flagId;
        flag.enrolmentId = enrolment.id;
        flag.activityId = activity.id;
        flag.cadreId = enrolment.cadreId;
        flag.n = third;
        flag.flaggedAt = now;
        flag.persist();
        ActivitySession made = third == session.n ? session
                : ActivitySession.findById(new ActivitySession.Key(activity.id, third));
        CadreRef cadre = cadres.find(enrolment.cadreId);
        Placement placement = cadre == null ? Placement.orEmpty(null) : cadre.placement();
        outbox.publish(Volunteering.TOPIC, enrolment.cadreId.toString(), new ActivityAbsenceFlagged(flag.id,
                enrolment.cadreId, activity.id, activity.title, activity.kind, clock.dateOf(made.startsAt),
                placement.communityCode, placement.gridCode, now, orgs.districtOf(placement.communityCode)));
        LOG.infof("Absence flag %s: cadre %s missed sessions %s of activity %s in a row", flag.id, enrolment.cadreId,
                run.subList(run.size() - ABSENCES_IN_A_ROW, run.size()), activity.id);
        return true;
    }

    private static AttendanceView view(Enrolment enrolment, Attendance attendance, CadreRef cadre) {
        Attendance.Status status = attendance == null ? Attendance.Status.UNRECORDED : attendance.status;
        return new AttendanceView(enrolment.id, enrolment.cadreId, cadre == null ? null : cadre.name, status,
                status.label(), attendance == null ? null : attendance.source,
                attendance == null ? null : attendance.recordedAt);
    }
}
