package shouwang.visit.statistics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import shouwang.kit.security.Scope;
import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/** The visit counts in one grouped statement over the visit log (no per-cadre work). */
@ApplicationScoped
public class StatisticsRepository {

    @Inject
    EntityManager em;

    /**
     * Contact visits in [from, until) per community, grid, layer, channel and purpose.
     *
     * @param districtCommunities the communities of a district filter, null when there is none
     */
    @SuppressWarnings("unchecked")
    public List<Row> counts(Instant from, Instant until, String communityCode, java.util.Set<String> districtCommunities,
            Scope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select v.community_code, v.grid_code, v.layer, v.channel, v.purpose, "
                + "count(*) from visit v where v.contacted and v.visited_at >= :from and v.visited_at < :until and ")
                .append(scope.sql("v", params));
        if (communityCode != null) {
            sql.append(" and v.community_code = :community");
            params.put("community", communityCode);
        }
        if (districtCommunities != null && districtCommunities.isEmpty()) {
            sql.append(" and 1 = 0");
        } else if (districtCommunities != null) {
            sql.append(" and v.community_code in (:districtCommunities)");
            params.put("districtCommunities", List.copyOf(districtCommunities));
        }
        sql.append(" group by 1, 2, 3, 4, 5");
        params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.put("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new Row((String) r[0], (String) r[1], Layer.valueOf((String) r[2]),
                        Channel.valueOf((String) r[3]), Purpose.valueOf((String) r[4]), ((Number) r[5]).longValue()))
                .toList();
    }

    public record Row(String communityCode, String gridCode, Layer layer, Channel channel, Purpose purpose,
            long visits) {
    }
}
