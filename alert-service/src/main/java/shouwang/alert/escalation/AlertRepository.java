package shouwang.alert.escalation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;

/**
 * The alert tables' SQL that is more than a find: task completions, the overdue scan and its row lock, moves, the
 * counts of the statistics and the metrics.
 */
@ApplicationScoped
public class AlertRepository {

    /**
     * Overdue alerts: not resolved, below the top level, current deadline before {@code ?1}, oldest deadline first.
     * The literals match the partial index {@code alert_overdue} (migration V2, whose comment names this query by its
     * former place, AlertService), so the scan reads only what is due.
     */
    public static final String OVERDUE_SQL = "select id from alert where status <> 'RESOLVED' and level < "
            + Ladder.TOP_LEVEL + " and deadline < ?1 order by deadline limit ?2";

    /**
     * Alerts not resolved in a scope, counted by level and by district, overdue ones apart. The district is the
     * street's of the alert's community now (the COMMUNITY record's street, else the profile's streetCode), as the
     * events say it; {@code %s} is the scope condition on {@code a}.
     */
    private static final String OPEN_BY_LEVEL_AND_DISTRICT_SQL = "select a.level, nullif(s.parent_code, '') as district, "
            + "d.name, count(*), count(*) filter (where a.deadline < :now) "
            + "from alert a "
            + "left join org_record c on c.id = 'COMMUNITY:' || a.community_code "
            + "left join cadre_profile p on p.id = a.cadre_id "
            + "left join org_record s on s.id = 'STREET:' || coalesce(nullif(c.parent_code, ''), p.street_code) "
            + "left join org_record d on d.id = 'DISTRICT:' || s.parent_code "
            + "where a.status <> 'RESOLVED' and %s "
            + "group by a.level, nullif(s.parent_code, ''), d.name";

    @Inject
    EntityManager entityManager;

    /** One count of alerts not resolved: its level, district (null when unknown) and the district's name. */
    public record OpenCount(int level, String districtCode, String districtName, long open, long overdue) {
    }

    /** The open alerts of the scope by level and district, in one query ({@link #OPEN_BY_LEVEL_AND_DISTRICT_SQL}). */
    public List<OpenCount> openByLevelAndDistrict(Scope scope, Instant now) {
        Map<String, Object> params = new HashMap<>();
        var query = entityManager.createNativeQuery(OPEN_BY_LEVEL_AND_DISTRICT_SQL.formatted(scope.sql("a", params)))
                .setParameter("now", now);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new OpenCount(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    /** Alerts not resolved per level, all of them (the metrics' gauge). */
    public Map<Integer, Long> openByLevel() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select level, count(*) from alert where status <> 'RESOLVED' group by level").getResultList();
        Map<Integer, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /** Records a completed task once per (alert, level, layer); returns whether this call recorded it. */
    public boolean recordCompletion(UUID alertId, int level, String layer, UUID taskId, UUID visitId,
            Instant completedAt) {
        return entityManager.createNativeQuery("insert into alert_task_completion (alert_id, level, layer, "
                + "task_id, visit_id, completed_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, alertId)
                .setParameter(2, level)
                .setParameter(3, layer)
                .setParameter(4, taskId)
                .setParameter(5, visitId)
                .setParameter(6, completedAt)
                .executeUpdate() > 0;
    }

    /** The layers that have completed a task of the alert, at any level. */
    public List<String> completedLayers(UUID alertId) {
        @SuppressWarnings("unchecked")
        List<String> layers = entityManager.createNativeQuery(
                "select distinct layer from alert_task_completion where alert_id = ?1")
                .setParameter(1, alertId)
                .getResultList();
        return layers;
    }

    /** Ids of the alerts overdue before {@code cutoff} ({@link #OVERDUE_SQL}); a plain read, re-checked per alert. */
    public List<UUID> overdue(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(OVERDUE_SQL, UUID.class)
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    /**
     * The alert, row-locked, if it is still overdue before {@code cutoff}; null when it no longer is, or when another
     * transaction holds the row ({@code FOR UPDATE SKIP LOCKED}: another replica's watch, a VisitMissed being applied).
     */
    public Alert lockIfOverdue(UUID alertId, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Alert> due = entityManager.createNativeQuery("select * from alert where id = ?1 and status <> "
                + "'RESOLVED' and level < " + Ladder.TOP_LEVEL + " and deadline < ?2 for update skip locked", Alert.class)
                .setParameter(1, alertId)
                .setParameter(2, cutoff)
                .getResultList();
        return due.isEmpty() ? null : due.get(0);
    }

    /**
     * The not resolved alerts of these cadres (a batch of profiles), in one query, row-locked so a task event applied
     * at the same time does not write back an old placement; oldest first.
     */
    public List<Alert> openAlertsOf(List<UUID> cadreIds) {
        return Alert.<Alert>find("cadreId in ?1 and status <> ?2 order by raisedAt, id", cadreIds,
                AlertStatus.RESOLVED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
