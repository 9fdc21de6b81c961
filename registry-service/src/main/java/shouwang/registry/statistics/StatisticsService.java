package shouwang.registry.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.registry.cadre.AgeBand;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.org.OrgService;

/**
 * The counts of the cadres active on {@code asOf}, within the caller's scope: the marginals are summed in Java from
 * the repository's groups, and every key of every map is present, zero or not.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    StatisticsRepository repository;

    @Inject
    CallerScope caller;

    @Inject
    OrgService org;

    @Inject
    Clock clock;

    /**
     * @param asOf         the day; null for the district's today
     * @param districtCode only this district (null: the caller's whole scope, the city's total for the city)
     * @throws shouwang.kit.problem.ForbiddenException when a filter names a place outside the caller's scope, or a
     *                                                 district the caller does not cover
     * @throws InvalidFieldsException                  when {@code districtCode} names no district
     */
    public CadreStatistics compute(LocalDate asOf, String communityCode, String gridCode, String unitCode,
            String districtCode) {
        if (districtCode != null) {
            if (!org.isDistrict(districtCode)) {
                throw InvalidFieldsException.of("districtCode", "unknown district " + districtCode);
            }
            if (!caller.coversDistrict(districtCode)) {
                throw new ForbiddenException("District " + districtCode + " is outside your scope");
            }
        }
        caller.requireFilter(communityCode, gridCode, unitCode, org::communityOfGrid);
        LocalDate on = asOf != null ? asOf : clock.today();
        Map<String, Long> byRetirementType = zeros(RetirementType.values());
        Map<String, Long> byGender = zeros(Gender.values());
        Map<String, Long> byPartyMember = new LinkedHashMap<>(Map.of("true", 0L, "false", 0L));
        Map<String, Long> byRank = zeros(Rank.values());
        Map<String, Long> byAgeBand = new LinkedHashMap<>();
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.put(band.key, 0L);
        }
        Map<String, Long> byCommunity = new TreeMap<>();
        Map<String, Long> byDistrict = new TreeMap<>();
        long total = 0;
        for (StatisticsRepository.Group group : repository.activeOn(on, communityCode, gridCode, unitCode,
                districtCode, caller.scope())) {
            long count = group.count();
            total += count;
            byRetirementType.merge(group.retirementType(), count, Long::sum);
            byGender.merge(group.gender(), count, Long::sum);
            byPartyMember.merge(group.partyMember(), count, Long::sum);
            byRank.merge(group.rank(), count, Long::sum);
            byCommunity.merge(group.communityCode(), count, Long::sum);
            byAgeBand.merge(group.band(), count, Long::sum);
            if (group.districtCode() != null) {
                byDistrict.merge(group.districtCode(), count, Long::sum);
            }
        }
        long aged70Plus = byAgeBand.get("70-79") + byAgeBand.get("80-89") + byAgeBand.get("90+");
        double share = total == 0 ? 0.0
                : BigDecimal.valueOf(aged70Plus).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP).doubleValue();
        return new CadreStatistics(on, total, byRetirementType, byGender, byPartyMember, byRank, byAgeBand, share,
                byCommunity, byDistrict);
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

    /** Community names by code, for the XLSX (which shows names, not only codes). */
    public Map<String, String> communityNames() {
        return org.communityNames();
    }
}
