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

/**
 * Service given, per source, community and service type, in one grouping-sets query over a {@code UNION ALL} of
 * VERIFIED service records and DONE service requests. A record made from a completed request (its
 * {@code service_request_id}) is left out: the request counts it, so nothing counts twice.
 */
@ApplicationScoped
public class StatisticsRepository {

    /** The two sources of the union. */
    static final String RECORDS = "RECORD";
    static final String REQUESTS = "REQUEST";

    /**
     * One row of the grouping sets: {@code source}, {@code community} and {@code serviceType} are null where
     * {@code allSources}, {@code allCommunities} or {@code allTypes} says the row sums over them. A record's service
     * type is a ServiceCategory code, a request's a ServiceType code.
     */
    record Row(String source, String community, String serviceType, boolean allSources, boolean allCommunities,
            boolean allTypes, long records, long peopleServed, BigDecimal hours, long volunteers, String district,
            boolean allDistricts) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * VERIFIED records with {@code from <= served_on <= to} and DONE requests with {@code from <= completed_on <= to}
     * (either bound optional) in the community, the district's communities (null: no district filter) and scope. A
     * request serves one person; its hours are those given on completion (none for a provider), its volunteer the one
     * credited. The rows by district (community → street → district in the org records; null district for a
     * community no district holds) count each volunteer once per district, so they are not sums of communities'.
     */
    List<Row> served(LocalDate from, LocalDate to, String communityCode, java.util.Set<String> districtCommunities,
            Scope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select source, community_code, service_type, grouping(source), grouping(community_code),
                       grouping(service_type), count(*), coalesce(sum(people_served), 0), coalesce(sum(hours), 0),
                       count(distinct volunteer_id), district_code, grouping(district_code)
                from (select cast('RECORD' as varchar(10)) as source, community_code, service_type, people_served,
                             hours, volunteer_id
                      from service_record where status = 'VERIFIED' and service_request_id is null""");
        period(sql, "served_on", from, to, params);
        sql.append("""

                      union all
                      select cast('REQUEST' as varchar(10)), community_code, service_type, 1, coalesce(hours, 0),
                             credited_volunteer_id
                      from service_request where status = 'DONE'""");
        period(sql, "completed_on", from, to, params);
        sql.append(") served left join (select c.code as district_community, s.parent_code as district_code "
                + "from org_record c join org_record s on s.kind = 'STREET' and s.code = c.parent_code "
                + "where c.kind = 'COMMUNITY') district on district.district_community = served.community_code where ")
                .append(scope.sql("", params));
        if (districtCommunities != null) {
            if (districtCommunities.isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                sql.append(" and community_code in (:districtCommunities)");
                params.put("districtCommunities", List.copyOf(districtCommunities));
            }
        }
        if (communityCode != null) {
            sql.append(" and community_code = :community");
            params.put("community", communityCode);
        }
        sql.append(" group by grouping sets ((source, community_code, service_type), (source, community_code),"
                + " (source, service_type), (source), (), (district_code))");
        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] cells = (Object[]) row;
            return new Row((String) cells[0], (String) cells[1], (String) cells[2], flag(cells[3]), flag(cells[4]),
                    flag(cells[5]), ((Number) cells[6]).longValue(), ((Number) cells[7]).longValue(),
                    new BigDecimal(cells[8].toString()), ((Number) cells[9]).longValue(), (String) cells[10],
                    flag(cells[11]));
        }).toList();
    }

    private static void period(StringBuilder sql, String column, LocalDate from, LocalDate to,
            Map<String, Object> params) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" <= :to");
            params.put("to", to);
        }
    }

    private static boolean flag(Object cell) {
        return ((Number) cell).intValue() == 1;
    }
}
