package shouwang.registry.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import shouwang.registry.cadre.AgeBand;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;

/**
 * The statistics being summed: every key of every map present from the start (zero or not), counts added or taken
 * away group by group, then read out as {@link CadreStatistics}.
 */
final class Tally {

    private final Map<String, Long> byRetirementType = zeros(RetirementType.values());
    private final Map<String, Long> byGender = zeros(Gender.values());
    private final Map<String, Long> byPartyMember = new LinkedHashMap<>(Map.of("true", 0L, "false", 0L));
    private final Map<String, Long> byRank = zeros(Rank.values());
    private final Map<String, Long> byAgeBand = new LinkedHashMap<>();
    private final Map<String, Long> byCommunity = new TreeMap<>();
    private final Map<String, Long> byDistrict = new TreeMap<>();
    private long total;

    Tally() {
        for (AgeBand band : AgeBand.values()) {
            byAgeBand.put(band.key, 0L);
        }
    }

    /** Adds a group of the grouped scan ({@code sign} -1 takes it away), its age band included or not. */
    void add(StatisticsRepository.Group group, int sign, boolean withBand) {
        long count = sign * group.count();
        total += count;
        byRetirementType.merge(group.retirementType(), count, Long::sum);
        byGender.merge(group.gender(), count, Long::sum);
        byPartyMember.merge(group.partyMember(), count, Long::sum);
        byRank.merge(group.rank(), count, Long::sum);
        place(group.communityCode(), group.districtCode(), count);
        if (withBand) {
            byAgeBand.merge(group.band(), count, Long::sum);
        }
    }

    /** Adds the count of one value of one dimension; a {@code gender} value also counts towards total and place. */
    void add(String dimension, String value, long count, String communityCode, String districtCode) {
        switch (dimension) {
            case "retirementType" -> byRetirementType.merge(value, count, Long::sum);
            case "partyMember" -> byPartyMember.merge(value, count, Long::sum);
            case "rank" -> byRank.merge(value, count, Long::sum);
            case "gender" -> {
                byGender.merge(value, count, Long::sum);
                total += count;
                place(communityCode, districtCode, count);
            }
            default -> throw new IllegalArgumentException("not a tallied dimension: " + dimension);
        }
    }

    void addToBand(AgeBand band, long count) {
        byAgeBand.merge(band.key, count, Long::sum);
    }

    long total() {
        return total;
    }

    private void place(String communityCode, String districtCode, long count) {
        byCommunity.merge(communityCode, count, Long::sum);
        if (districtCode != null) {
            byDistrict.merge(districtCode, count, Long::sum);
        }
    }

    /** The statistics on {@code asOf}; communities and districts whose count came to zero are left out. */
    CadreStatistics statistics(LocalDate asOf) {
        byCommunity.values().removeIf(count -> count == 0);
        byDistrict.values().removeIf(count -> count == 0);
        long aged70Plus = byAgeBand.get("70-79") + byAgeBand.get("80-89") + byAgeBand.get("90+");
        double share = total == 0 ? 0.0
                : BigDecimal.valueOf(aged70Plus).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP).doubleValue();
        return new CadreStatistics(asOf, total, byRetirementType, byGender, byPartyMember, byRank, byAgeBand, share,
                byCommunity, byDistrict);
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }
}
