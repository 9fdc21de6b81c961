package shouwang.visit.study;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import shouwang.kit.security.Placement;

/** The SQL of study sessions: the branches and sessions as received, their members, and who has had the study. */
@ApplicationScoped
public class StudyRepository {

    /** A session as received (its header). */
    public record SessionHeader(UUID id, String branchCode, String topic, LocalDate heldOn, Placement placement) {
    }

    /** A member of a session, placed where its profile places it (the session's community while none is held). */
    public record MemberRow(UUID cadreId, String cadreName, Placement placement, boolean attended, UUID taskId,
            String taskStatus, Instant completedAt) {
    }

    @Inject
    EntityManager em;

    /** Keeps the newest version of a branch. */
    public void upsertBranch(PartyBranchChanged branch, Instant updatedAt) {
        em.createNativeQuery("insert into party_branch (code, name, community_code, unit_code, active, version, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (code) do update set name = ?2, "
                + "community_code = ?3, unit_code = ?4, active = ?5, version = ?6, updated_at = ?7 "
                + "where party_branch.version < ?6")
                .setParameter(1, branch.code()).setParameter(2, branch.name()).setParameter(3, branch.communityCode())
                .setParameter(4, branch.unitCode()).setParameter(5, !Boolean.FALSE.equals(branch.active()))
                .setParameter(6, branch.version())
                .setParameter(7, Timestamp.from(updatedAt))
                .executeUpdate();
    }

    /** @return 1 when the session is new, 0 when it was held already (a redelivery or replay) */
    public int insertSession(StudySessionHeld held, Instant recordedAt) {
        return em.createNativeQuery("insert into study_session (id, branch_code, branch_name, community_code, "
                + "unit_code, topic, held_on, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                + "on conflict (id) do nothing")
                .setParameter(1, held.sessionId()).setParameter(2, held.branchCode())
                .setParameter(3, held.branchName()).setParameter(4, held.communityCode())
                .setParameter(5, held.unitCode()).setParameter(6, held.topic()).setParameter(7, held.heldOn())
                .setParameter(8, Timestamp.from(recordedAt))
                .executeUpdate();
    }

    public void member(UUID sessionId, UUID cadreId, boolean attended) {
        em.createNativeQuery("insert into study_session_member (session_id, cadre_id, attended) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, sessionId).setParameter(2, cadreId).setParameter(3, attended).executeUpdate();
    }

    public Optional<SessionHeader> session(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, branch_code, topic, held_on, community_code, unit_code "
                + "from study_session where id = ?1").setParameter(1, sessionId).getResultList();
        return rows.stream().findFirst().map(r -> new SessionHeader((UUID) r[0], (String) r[1], (String) r[2],
                r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3],
                new Placement((String) r[4], null, (String) r[5])));
    }

    /** Every member of the session with its 送学上门 task, attendees first, then by name. */
    public List<MemberRow> members(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.cadre_id, c.name, "
                + "coalesce(c.community_code, t.community_code, s.community_code), "
                + "coalesce(c.grid_code, t.grid_code), coalesce(c.unit_code, t.unit_code, s.unit_code), m.attended, "
                + "t.id, t.status, t.completed_at from study_session_member m join study_session s on s.id = m.session_id "
                + "left join cadre c on c.id = m.cadre_id "
                + "left join must_visit_task t on t.study_session_id = m.session_id and t.cadre_id = m.cadre_id "
                + "where m.session_id = ?1 order by m.attended desc, c.name, m.cadre_id")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(r -> new MemberRow((UUID) r[0], (String) r[1],
                new Placement((String) r[2], (String) r[3], (String) r[4]), (Boolean) r[5], (UUID) r[6],
                (String) r[7], instant(r[8]))).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
