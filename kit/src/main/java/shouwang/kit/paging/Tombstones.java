package shouwang.kit.paging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;

/**
 * Where records went when they left a place, so a worklist asked with {@code updatedSince} can tell an offline device
 * what to drop (the contract's tombstones). A service records one row per record whose placement changes, in the
 * transaction of the change; a list then returns the rows whose old placement the caller saw and whose new placement
 * it does not. The table is the service's own ({@code tombstone}, DDL in its migrations, since the kit's migrations
 * must not change under an installed database):
 * <pre>
 * create table tombstone (id bigserial primary key, kind varchar(32) not null, record_id varchar(64) not null,
 *     reason varchar(32) not null, community_code varchar(64), grid_code varchar(64), unit_code varchar(64),
 *     new_community_code varchar(64), new_grid_code varchar(64), new_unit_code varchar(64),
 *     removed_at timestamptz not null);
 * create index tombstone_kind_removed_at on tombstone (kind, removed_at);
 * </pre>
 */
@ApplicationScoped
public class Tombstones {

    /** The record's cadre moved out of the caller's scope (a move of house, a new grid, another unit). */
    public static final String MOVED = "MOVED";
    /** The record itself is gone for good. */
    public static final String DELETED = "DELETED";
    /** At most this many tombstones in one answer: a device further behind than that re-syncs from scratch. */
    public static final int LIMIT = 1000;

    @Inject
    EntityManager entityManager;

    /** In the caller's transaction: {@code recordId} of {@code kind} left {@code from}; {@code to} null when gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String kind, Object recordId, Placement from, Placement to, String reason, Instant at) {
        Placement old = Placement.orEmpty(from);
        Placement now = to == null ? null : to;
        if (now != null && old.equals(now)) {
            return;
        }
        entityManager.createNativeQuery("insert into tombstone (kind, record_id, reason, community_code, grid_code,"
                + " unit_code, new_community_code, new_grid_code, new_unit_code, removed_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, kind)
                .setParameter(2, String.valueOf(recordId))
                .setParameter(3, reason)
                .setParameter(4, old.communityCode)
                .setParameter(5, old.gridCode)
                .setParameter(6, old.unitCode)
                .setParameter(7, now == null ? null : now.communityCode)
                .setParameter(8, now == null ? null : now.gridCode)
                .setParameter(9, now == null ? null : now.unitCode)
                .setParameter(10, Timestamp.from(at))
                .executeUpdate();
    }

    /**
     * What of {@code kind} left the view of {@code scope} after {@code since}, newest last. A record that came back
     * into view later is still listed: the device drops it and gets it again among the changed items.
     */
    @SuppressWarnings("unchecked")
    public List<Removed> since(String kind, Scope scope, Instant since) {
        if (since == null || scope.districtWide()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String sawIt = scope.sql("t", params);
        String seesIt = scope.sqlOn("t.new_community_code", "t.new_grid_code", "t.new_unit_code", params);
        params.put("kind", kind);
        params.put("since", Timestamp.from(since));
        var query = entityManager.createNativeQuery("select t.record_id, t.reason, t.removed_at from tombstone t"
                + " where t.kind = :kind and t.removed_at > :since and " + sawIt
                + " and not coalesce(" + seesIt + ", false) order by t.removed_at, t.id limit " + LIMIT);
        params.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Removed((String) row[0], (String) row[1], instant(row[2])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected removed_at type " + value.getClass());
    }
}
