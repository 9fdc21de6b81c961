package shouwang.visit.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import shouwang.visit.Layer;
import shouwang.visit.Risk;

/**
 * {@code GET /coverage}: the overdue (cadre, layer) pairs as a page, plus totals over the whole scope.
 * {@code byCommunity} and {@code byGrid} hold, per code, how many active cadres there are, how many are overdue in any
 * layer, and the overdue count per layer; {@code byDistrict} the same per district (a city's view; the communities
 * folded by the district their street names, "" for communities of no known district). {@code districtCode}: the
 * district filter asked, null when none.
 */
public record CoverageDto(LocalDate on, String communityCode, List<Overdue> items, int page, int size, long total,
        long cadres, long overdueCadres, Map<Layer, Long> overdueByLayer, Map<String, Totals> byCommunity,
        Map<String, Totals> byGrid, String districtCode, Map<String, Totals> byDistrict) {

    /**
     * One layer's missing contact: due on {@code dueOn}, {@code daysOverdue} days late on the asked date. 两老同住:
     * {@code householdId} (null when none) and {@code householdMemberIds}, the other cadres living with this one.
     */
    public record Overdue(UUID cadreId, String name, String communityCode, String gridCode, String unitCode, Risk risk,
            Layer layer, String orgCode, Instant lastContactAt, LocalDate dueOn, long daysOverdue, UUID householdId,
            List<UUID> householdMemberIds) {
    }

    public record Totals(long cadres, long overdueCadres, Map<Layer, Long> overdueByLayer) {

        /** Two parts' totals together: a cadre lives in one community, so the counts of communities add up. */
        public Totals plus(Totals other) {
            Map<Layer, Long> layers = new java.util.EnumMap<>(Layer.class);
            layers.putAll(overdueByLayer);
            other.overdueByLayer.forEach((layer, count) -> layers.merge(layer, count, Long::sum));
            return new Totals(cadres + other.cadres, overdueCadres + other.overdueCadres, layers);
        }
    }
}
