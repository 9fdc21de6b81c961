package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import shouwang.kit.security.Scope;

/** Verified service per community and service type, in one grouping-sets query. */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * One row of the grouping sets: {@code community} and {@code serviceType} are null where {@code allCommunities}
     * or {@code allTypes} says the row sums over them.
     */
    record Row(String community, String serviceType, boolean allCommunities, boolean allTypes, long records,
            long peopleServed, BigDecimal hours, long volunteers) {
    }

    @Inject
    EntityManager entityManager;

    /** VERIFIED records with {@code from <= served_on <= to} (either bound optional) in the community and scope. */
    List<Row> verified(LocalDate from, LocalDate to, String communityCode, Scope scope) {
        StringBuilder sql = new StringBuilder("""
                select community_code, service_type, grouping(community_code), grouping(service_type),
                       count(*), coalesce(sum(people_served), 0), coalesce(sum(hours), 0), count(distinct volunteer_id)
                from service_record where status = 'VERIFIED'""");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            sql.append(" and served_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and served_on <= :to");
            params.put("to", to);
        }
        if (communityCode != null) {
            sql.append(" and community_code = :community");
            params.put("community", communityCode);
        }
        sql.append(" and ").append(scope.sql("", params));
        sql.append(" group by grouping sets ((community_code, service_type), (community_code), (service_type), ())");
        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] cells = (Object[]) row;
            return new Row((String) cells[0], (String) cells[1], ((Number) cells[2]).intValue() == 1,
                    ((Number) cells[3]).intValue() == 1, ((Number) cells[4]).longValue(),
                    ((Number) cells[5]).longValue(), new BigDecimal(cells[6].toString()),
                    ((Number) cells[7]).longValue());
        }).toList();
    }
}
