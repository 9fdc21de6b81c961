package shouwang.visit.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;

/**
 * {@code GET /statistics/visits}: 走访人次 (contact visits) from {@code from} to {@code to} (district days, both
 * included) in the caller's scope, by layer, channel and purpose, for the whole answer, per community and per grid,
 * and per district ({@code byDistrict}, a city's view: a visit counts in the district of its community's street, a
 * null code for communities of no known district). {@code districtCode}: the district filter, null when none.
 */
public record VisitStatistics(LocalDate from, LocalDate to, String communityCode, Counts totals,
        List<CommunityCounts> byCommunity, String districtCode, List<DistrictCounts> byDistrict) {

    public record DistrictCounts(String districtCode, String districtName, Counts counts) {
    }

    /** 走访人次 and its breakdowns; every code appears, with 0 where nothing was logged. */
    public record Counts(long visits, Map<Layer, Long> byLayer, Map<Channel, Long> byChannel,
            Map<Purpose, Long> byPurpose) {
    }

    public record CommunityCounts(String communityCode, String communityName, Counts counts, List<GridCounts> byGrid) {
    }

    public record GridCounts(String gridCode, String gridName, Counts counts) {
    }
}
