package shouwang.registry.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import shouwang.kit.security.Scope;
import shouwang.registry.cadre.AgeBand;

/** One grouped scan of the cadre table: the cadres active on a day, counted by every dimension at once. */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * The cadres of one combination of the dimensions; {@code band} is an {@link AgeBand} key, {@code districtCode}
     * the district of the community's street today (null when it has none).
     */
    public record Group(String retirementType, String gender, String partyMember, String rank, String communityCode,
            String band, String districtCode, long count) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Active on {@code asOf}: born by then, not dead or moved away on or before it; aged by the calendar age on that
     * date. Null filters are not applied; the rows are always within {@code scope}. The district is found through the
     * community's street in the same scan (one query for every breakdown).
     */
    public List<Group> activeOn(LocalDate asOf, String communityCode, String gridCode, String unitCode,
            String districtCode, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select retirement_type, gender, party_member, cadre_rank, community_code, "
                + "case when birth_date <= :d90 then '90+' when birth_date <= :d80 then '80-89' "
                + "when birth_date <= :d70 then '70-79' when birth_date <= :d60 then '60-69' else '<60' end as band, "
                + "s.district_code, count(*) from cadre "
                + "left join org_community c on c.code = cadre.community_code "
                + "left join org_street s on s.code = c.street_code where birth_date <= :asOf "
                + "and (deceased_on is null or deceased_on > :asOf) and (moved_away_on is null or moved_away_on > :asOf)");
        parameters.put("asOf", Date.valueOf(asOf));
        for (int age : new int[] { 60, 70, 80, 90 }) {
            parameters.put("d" + age, Date.valueOf(AgeBand.bornBy(asOf, age)));
        }
        filter(sql, parameters, "cadre.community_code", communityCode);
        filter(sql, parameters, "cadre.grid_code", gridCode);
        filter(sql, parameters, "cadre.unit_code", unitCode);
        filter(sql, parameters, "s.district_code", districtCode);
        sql.append(" and ").append(scope.sql("cadre", parameters));
        sql.append(" group by 1, 2, 3, 4, 5, 6, 7");
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        List<Group> groups = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            groups.add(new Group((String) row[0], (String) row[1], String.valueOf(row[2]), (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], ((Number) row[7]).longValue()));
        }
        return groups;
    }

    private static void filter(StringBuilder sql, Map<String, Object> parameters, String column, String value) {
        if (value != null) {
            String name = column.substring(column.indexOf('.') + 1);
            sql.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
