package shouwang.registry.statistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /statistics/cadres}: counts of the cadres active on {@code asOf} (every key present, zero or not).
 * {@code byCommunity} and {@code byDistrict} list the communities and districts that have cadres; a cadre whose
 * community lies in no district (a one-district install) is counted in no district.
 */
public record CadreStatistics(LocalDate asOf, long total, Map<String, Long> byRetirementType,
        Map<String, Long> byGender, Map<String, Long> byPartyMember, Map<String, Long> byRank,
        Map<String, Long> byAgeBand, double aged70PlusShare, Map<String, Long> byCommunity,
        Map<String, Long> byDistrict) {
}
