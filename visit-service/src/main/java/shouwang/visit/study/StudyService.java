package shouwang.visit.study;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.VisitConfig;
import shouwang.visit.task.TaskService;

/**
 * Study sessions and 送学上门: every absentee of a session gets one STUDY_DELIVERY task for its community. An
 * absentee whose profile is not held yet gets its task placed by the session's community; the profile re-places it
 * when it arrives (and a death or departure cancels it).
 */
@ApplicationScoped
@Transactional
public class StudyService {

    private static final Logger LOG = Logger.getLogger(StudyService.class);

    @Inject
    EntityManager em;

    @Inject
    TaskService tasks;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    public void branchChanged(PartyBranchChanged branch) {
        em.createNativeQuery("insert into party_branch (code, name, community_code, unit_code, active, version, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (code) do update set name = ?2, "
                + "community_code = ?3, unit_code = ?4, active = ?5, version = ?6, updated_at = ?7 "
                + "where party_branch.version < ?6")
                .setParameter(1, branch.code()).setParameter(2, branch.name()).setParameter(3, branch.communityCode())
                .setParameter(4, branch.unitCode()).setParameter(5, !Boolean.FALSE.equals(branch.active()))
                .setParameter(6, branch.version())
                .setParameter(7, java.sql.Timestamp.from(Optional.ofNullable(branch.updatedAt()).orElse(clock.now())))
                .executeUpdate();
        LOG.infof("Party branch %s version %d applied", branch.code(), branch.version());
    }

    /** Records the session and its members, and makes one 送学上门 task per absentee (once per session and cadre). */
    public void sessionHeld(StudySessionHeld held) {
        int inserted = em.createNativeQuery("insert into study_session (id, branch_code, branch_name, community_code, "
                + "unit_code, topic, held_on, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                + "on conflict (id) do nothing")
                .setParameter(1, held.sessionId()).setParameter(2, held.branchCode())
                .setParameter(3, held.branchName()).setParameter(4, held.communityCode())
                .setParameter(5, held.unitCode()).setParameter(6, held.topic()).setParameter(7, held.heldOn())
                .setParameter(8, java.sql.Timestamp.from(Optional.ofNullable(held.recordedAt()).orElse(clock.now())))
                .executeUpdate();
        List<UUID> attendees = Optional.ofNullable(held.attendeeIds()).orElse(List.of());
        List<UUID> absentees = Optional.ofNullable(held.absenteeIds()).orElse(List.of());
        attendees.forEach(id -> member(held.sessionId(), id, true));
        absentees.stream().filter(id -> !attendees.contains(id)).forEach(id -> member(held.sessionId(), id, false));
        LocalDate dueDay = held.heldOn().plus(config.studyDelivery().deadline()).plusDays(1);
        Instant deadline = clock.startOf(dueDay);
        int created = 0;
        for (UUID cadreId : absentees) {
            if (attendees.contains(cadreId)) {
                continue;
            }
            UUID taskId = UUID.nameUUIDFromBytes(("study-delivery/" + held.sessionId() + "/" + cadreId)
                    .getBytes(StandardCharsets.UTF_8));
            if (tasks.createDuty(new TaskService.Duty(taskId, cadreId, Purpose.STUDY_DELIVERY, null, Layer.COMMUNITY,
                    deadline, held.sessionId(), null, new Placement(held.communityCode(), null, held.unitCode())))
                    .isPresent()) {
                created++;
            }
        }
        LOG.infof("Study session %s of branch %s%s: %d attended, %d absent, %d 送学上门 tasks", held.sessionId(),
                held.branchCode(), inserted == 0 ? " (again)" : "", attendees.size(), absentees.size(), created);
    }

    private void member(UUID sessionId, UUID cadreId, boolean attended) {
        em.createNativeQuery("insert into study_session_member (session_id, cadre_id, attended) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, sessionId).setParameter(2, cadreId).setParameter(3, attended).executeUpdate();
    }

    /** The session's header, if it is known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Object[]> session(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, branch_code, topic, held_on from study_session "
                + "where id = ?1").setParameter(1, sessionId).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Who has had the study, visible rows only: a member is placed where its profile places it, or by the
     * session's community while its profile is not held.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CoverageRow> coverage(UUID sessionId, Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.cadre_id, c.name, "
                + "coalesce(c.community_code, t.community_code, s.community_code), "
                + "coalesce(c.grid_code, t.grid_code), coalesce(c.unit_code, t.unit_code, s.unit_code), m.attended, "
                + "t.id, t.status, t.completed_at from study_session_member m join study_session s on s.id = m.session_id "
                + "left join cadre c on c.id = m.cadre_id "
                + "left join must_visit_task t on t.study_session_id = m.session_id and t.cadre_id = m.cadre_id "
                + "where m.session_id = ?1 order by m.attended desc, c.name, m.cadre_id")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(r -> {
            Placement placement = new Placement((String) r[2], (String) r[3], (String) r[4]);
            boolean attended = (Boolean) r[5];
            String taskStatus = (String) r[7];
            String status = attended ? "ATTENDED" : "DONE".equals(taskStatus) ? "DELIVERED"
                    : "MISSED".equals(taskStatus) ? "MISSED" : "PENDING";
            Instant deliveredAt = r[8] == null ? null : r[8] instanceof Instant i ? i
                    : r[8] instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) r[8]).toInstant();
            return new CoverageRow((UUID) r[0], (String) r[1], placement, status, (UUID) r[6],
                    "DELIVERED".equals(status) ? deliveredAt : null);
        }).filter(row -> scope.covers(row.placement())).toList();
    }

    public record CoverageRow(UUID cadreId, String cadreName, Placement placement, String status, UUID taskId,
            Instant deliveredAt) {
    }
}
