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

/**
 * The counts behind the statistics: the tallies of the open cadres per community (V8, kept by triggers), the few rows
 * they cannot tell, and the grouped scan of the cadre table (for selections by grid or unit, and the tests' oracle).
 */
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

    /** Open cadres' count of one value of one dimension, per community (and its district) for {@code gender}. */
    public record Tallied(String communityCode, String districtCode, String dimension, String value, long count) {
    }

    /**
     * Active on {@code asOf}: born by then, not dead or moved away on or before it; aged by the calendar age on that
     * date. Null filters are not applied; the rows are always within {@code scope}. The district is found through the
     * community's street in the same scan (one query for every breakdown).
     */
    public List<Group> activeOn(LocalDate asOf, String communityCode, String gridCode, String unitCode,
            String districtCode, Scope scope) {
        return grouped("birth_date <= :asOf and (deceased_on is null or deceased_on > :asOf) "
                + "and (moved_away_on is null or moved_away_on > :asOf)", asOf, communityCode, gridCode, unitCode,
                districtCode, scope);
    }

    /** The closed records (dead or moved away) still active on {@code asOf}: few, found by {@code cadre_ended_on}. */
    public List<Group> closedAfter(LocalDate asOf, String communityCode, String districtCode, Scope scope) {
        return grouped("birth_date <= :asOf and (deceased_on is not null or moved_away_on is not null) "
                + "and least(deceased_on, moved_away_on) > :asOf", asOf, communityCode, null, null, districtCode, scope);
    }

    /** Open cadres born after {@code asOf}: counted in the tallies, not yet active on that day (none for today). */
    public List<Group> openBornAfter(LocalDate asOf, String communityCode, String districtCode, Scope scope) {
        return grouped("birth_date > :asOf and deceased_on is null and moved_away_on is null", asOf, communityCode,
                null, null, districtCode, scope);
    }

    /**
     * The tallies of the open cadres (folded and not yet folded) of the communities selected: per value of every
     * dimension, and per community for {@code gender} (whose values add up to the community's count). Only for
     * selections by community and district: the tallies know no grid or unit.
     */
    public List<Tallied> tallied(String communityCode, String districtCode, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select case when t.dimension = 'gender' then t.community_code end, "
                + "case when t.dimension = 'gender' then s.district_code end, t.dimension, t.value, sum(t.count) "
                + "from (select community_code, dimension, value, count from cadre_tally "
                + "union all select community_code, dimension, value, delta from cadre_tally_change) t "
                + "left join org_community c on c.code = t.community_code "
                + "left join org_street s on s.code = c.street_code where 1 = 1");
        withinPlacement(sql, parameters, "t", communityCode, districtCode, scope);
        sql.append(" group by 1, 2, 3, 4 having sum(t.count) <> 0");
        List<Tallied> tallies = new ArrayList<>();
        for (Object[] row : rows(sql, parameters)) {
            tallies.add(new Tallied((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue()));
        }
        return tallies;
    }

    /**
     * For each day: the open cadres born from the first of its month to that day, the part of its birth month the
     * monthly tallies cannot tell (one index range per day).
     */
    public long[] openBornInMonthUpTo(List<LocalDate> days, String communityCode, String districtCode, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> counts = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            parameters.put("from" + i, Date.valueOf(days.get(i).withDayOfMonth(1)));
            parameters.put("to" + i, Date.valueOf(days.get(i)));
            String range = "birth_date between :from" + i + " and :to" + i;
            counts.add("count(*) filter (where " + range + ")");
            ranges.add(range);
        }
        StringBuilder sql = new StringBuilder("select " + String.join(", ", counts) + " from cadre "
                + "left join org_community c on c.code = cadre.community_code "
                + "left join org_street s on s.code = c.street_code "
                + "where deceased_on is null and moved_away_on is null and (" + String.join(" or ", ranges) + ")");
        withinPlacement(sql, parameters, "cadre", communityCode, districtCode, scope);
        Object[] row = rows(sql, parameters).get(0);
        long[] result = new long[days.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) row[i]).longValue();
        }
        return result;
    }

    /** Folds the changes appended since the last fold into the tallies; the number folded (0 when another folds). */
    public long fold() {
        return ((Number) entityManager.createNativeQuery("select cadre_tally_fold()").getSingleResult()).longValue();
    }

    private List<Group> grouped(String condition, LocalDate asOf, String communityCode, String gridCode,
            String unitCode, String districtCode, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select retirement_type, gender, party_member, cadre_rank, community_code, "
                + "case when birth_date <= :d90 then '90+' when birth_date <= :d80 then '80-89' "
                + "when birth_date <= :d70 then '70-79' when birth_date <= :d60 then '60-69' else '<60' end as band, "
                + "s.district_code, count(*) from cadre "
                + "left join org_community c on c.code = cadre.community_code "
                + "left join org_street s on s.code = c.street_code where " + condition);
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
        List<Group> groups = new ArrayList<>();
        for (Object[] row : rows(sql, parameters)) {
            groups.add(new Group((String) row[0], (String) row[1], String.valueOf(row[2]), (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], ((Number) row[7]).longValue()));
        }
        return groups;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(StringBuilder sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        return (List<Object[]>) query.getResultList();
    }

    /** The community and district filters and the caller's scope, on a query joined to org_street as {@code s}. */
    private static void withinPlacement(StringBuilder sql, Map<String, Object> parameters, String alias,
            String communityCode, String districtCode, Scope scope) {
        filter(sql, parameters, alias + ".community_code", communityCode);
        filter(sql, parameters, "s.district_code", districtCode);
        sql.append(" and ").append(scope.sql(alias, parameters));
    }

    private static void filter(StringBuilder sql, Map<String, Object> parameters, String column, String value) {
        if (value != null) {
            String name = column.substring(column.indexOf('.') + 1);
            sql.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value);
        }
    }
}
