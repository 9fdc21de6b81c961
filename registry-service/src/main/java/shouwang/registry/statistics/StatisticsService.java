package shouwang.registry.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import shouwang.registry.cadre.AgeBand;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.ScopeFilters;

/**
 * One grouped scan of the cadre table: who was active on {@code asOf} (born by then, not dead or moved away
 * on or before it), by the calendar age on that date. The marginals are summed from the groups in Java.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    EntityManager entityManager;

    @Inject
    ScopeFilters scope;

    public CadreStatistics compute(LocalDate asOf, String communityCode, String gridCode, String unitCode) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select retirement_type, gender, party_member, cadre_rank, community_code, "
                + "case when birth_date <= :d90 then '90+' when birth_date <= :d80 then '80-89' "
                + "when birth_date <= :d70 then '70-79' when birth_date <= :d60 then '60-69' else '<60' end as band, "
                + "count(*) from cadre where birth_date <= :asOf "
                + "and (deceased_on is null or deceased_on > :asOf) and (moved_away_on is null or moved_away_on > :asOf)");
        parameters.put("asOf", Date.valueOf(asOf));
        for (int age : new int[] { 60, 70, 80, 90 }) {
            parameters.put("d" + age, Date.valueOf(AgeBand.bornBy(asOf, age)));
        }
        filter(sql, parameters, "community_code", communityCode);
        filter(sql, parameters, "grid_code", gridCode);
        filter(sql, parameters, "unit_code", unitCode);
        sql.append(" and ").append(scope.sql(parameters));
        sql.append(" group by 1, 2, 3, 4, 5, 6");
        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);

        Map<String, Long> byRetirementType = zeros(RetirementType.values());
        Map<String, Long> byGender = zeros(Gender.values());
        Map<String, Long> byPartyMember = new LinkedHashMap<>(Map.of("true", 0L, "false", 0L));
        Map<String, Long> byRank = zeros(Rank.values());
        Map<String, Long> byAgeBand = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.put(band.key, 0L);
        }
        Map<String, Long> byCommunity = new TreeMap<>();
        long total = 0;
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            long count = ((Number) row[6]).longValue();
            total += count;
            byRetirementType.merge((String) row[0], count, Long::sum);
            byGender.merge((String) row[1], count, Long::sum);
            byPartyMember.merge(String.valueOf(row[2]), count, Long::sum);
            byRank.merge((String) row[3], count, Long::sum);
            byCommunity.merge((String) row[4], count, Long::sum);
            byAgeBand.merge((String) row[5], count, Long::sum);
        }
        long aged70Plus = byAgeBand.get("70-79") + byAgeBand.get("80-89") + byAgeBand.get("90+");
        double share = total == 0 ? 0.0
                : BigDecimal.valueOf(aged70Plus).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP).doubleValue();
        return new CadreStatistics(asOf, total, byRetirementType, byGender, byPartyMember, byRank, byAgeBand, share,
                byCommunity);
    }

    private static void filter(StringBuilder sql, Map<String, Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(column);
            parameters.put(column, value);
        }
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

}
