package shouwang.visit.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import shouwang.kit.security.Placement;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** The task table's native statements: the insert a replay cannot repeat, and the missed-task scan. */
@ApplicationScoped
public class TaskRepository {

    @Inject
    EntityManager em;

    /**
     * Inserts the task unless its (alert, level, layer) exists already, or its (study session, cadre), or an OPEN
     * task for its (cadre, activity); returns whether it did.
     */
    public boolean insertOnce(MustVisitTask t) {
        Placement p = t.placement();
        return em.createNativeQuery("insert into must_visit_task (id, cadre_id, alert_id, kind, level, layer, org_code, "
                + "status, deadline, community_code, grid_code, unit_code, created_at, updated_at, org_name, "
                + "assignee_role, assignee_name, assignee_phone, purpose, reason, study_session_id, activity_id) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                + "?20, ?21) on conflict do nothing")
                .setParameter(1, t.id).setParameter(2, t.cadreId).setParameter(3, t.alertId).setParameter(4, t.kind)
                .setParameter(5, t.level).setParameter(6, t.layer.name()).setParameter(7, t.orgCode)
                .setParameter(8, t.status.name()).setParameter(9, utc(t.deadline))
                .setParameter(10, p.communityCode).setParameter(11, p.gridCode).setParameter(12, p.unitCode)
                .setParameter(13, utc(t.createdAt))
                .setParameter(14, t.orgName).setParameter(15, t.assigneeRole).setParameter(16, t.assigneeName)
                .setParameter(17, t.assigneePhone).setParameter(18, t.purpose.name())
                .setParameter(19, t.reason).setParameter(20, t.studySessionId).setParameter(21, t.activityId)
                .executeUpdate() == 1;
    }

    /**
     * Marks up to {@code batchSize} open tasks due by {@code now} MISSED at {@code now}, oldest deadline first, and
     * returns them. SKIP LOCKED lets several replicas scan at once without taking the same task twice; the due
     * condition on a parameter is an index condition on the partial index of open deadlines.
     */
    @SuppressWarnings("unchecked")
    public List<MissedTask> markDueMissed(int batchSize, Instant now) {
        List<Object[]> rows = em.createNativeQuery("with due as (select id from must_visit_task where status = 'OPEN' "
                + "and deadline <= ?2 order by deadline limit ?1 for update skip locked), "
                + "missed as (update must_visit_task t set status = 'MISSED', missed_at = ?2, updated_at = ?2 "
                + "from due where t.id = due.id returning t.id, t.alert_id, t.cadre_id, t.layer, t.org_code, t.level, "
                + "t.deadline, t.purpose, t.reason, t.community_code) select * from missed order by deadline")
                .setParameter(1, batchSize).setParameter(2, utc(now))
                .getResultList();
        return rows.stream().map(row -> new MissedTask((UUID) row[0], (UUID) row[1], (UUID) row[2],
                Layer.valueOf((String) row[3]), (String) row[4], ((Number) row[5]).intValue(), instant(row[6]), now,
                Purpose.valueOf((String) row[7]), (String) row[8], (String) row[9]))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
