package shouwang.alert.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /alerts/statistics}: the alerts not resolved in the caller's scope, by level and by district (the board
 * of a bureau, and the city's view of its districts). {@code byDistrict} sums to the totals; alerts whose district is
 * unknown (a one-district deployment) are one entry with {@code districtCode} null.
 */
public record AlertStatistics(long open, long overdue, List<Level> byLevel, List<District> byDistrict) {

    /** Open and overdue alerts at one level of the ladder. */
    public record Level(int level, String levelLabel, long open, long overdue) {
    }

    /** One district's open and overdue alerts, and per level. */
    public record District(String districtCode, String districtName, long open, long overdue, List<Level> byLevel) {
    }

    /** Folds the counts (one row per level and district) into the totals, every level listed, districts by code. */
    static AlertStatistics of(List<AlertRepository.OpenCount> counts) {
        Map<String, List<AlertRepository.OpenCount>> byDistrict = new LinkedHashMap<>();
        counts.stream()
                .sorted(Comparator.comparing(AlertRepository.OpenCount::districtCode,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(c -> byDistrict.computeIfAbsent(c.districtCode(), k -> new ArrayList<>())
                        .add(c));
        List<District> districts = new ArrayList<>();
        byDistrict.forEach((code, rows) -> districts.add(new District(code, rows.get(0).districtName(),
                sum(rows, false), sum(rows, true), levels(rows))));
        return new AlertStatistics(sum(counts, false), sum(counts, true), levels(counts), districts);
    }

    private static List<Level> levels(List<AlertRepository.OpenCount> counts) {
        List<Level> levels = new ArrayList<>();
        for (int level = 0; level <= Ladder.TOP_LEVEL; level++) {
            int at = level;
            List<AlertRepository.OpenCount> rows = counts.stream().filter(c -> c.level() == at).toList();
            levels.add(new Level(level, Ladder.levelLabel(level), sum(rows, false), sum(rows, true)));
        }
        return levels;
    }

    private static long sum(List<AlertRepository.OpenCount> rows, boolean overdue) {
        return rows.stream().mapToLong(c -> overdue ? c.overdue() : c.open()).sum();
    }
}
