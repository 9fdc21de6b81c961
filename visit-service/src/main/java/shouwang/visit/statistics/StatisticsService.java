package shouwang.visit.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.Scope;
import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.org.OrgService;

/** 走访统计: the grouped counts folded into totals, communities and grids, with names from the org records. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    /** A report spans at most this many days: enough for a year's report, not a scan of all history by mistake. */
    static final int MAX_DAYS = 366;

    @Inject
    StatisticsRepository repository;

    @Inject
    OrgService orgs;

    @Inject
    Clock clock;

    /** @param districtCommunities the communities of the {@code districtCode} filter, null when none is given */
    public VisitStatistics visits(LocalDate from, LocalDate to, String communityCode, String districtCode,
            java.util.Set<String> districtCommunities, Scope scope) {
        LocalDate today = clock.today();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.withDayOfMonth(1);
        InvalidFieldsException.Collector invalid = new InvalidFieldsException.Collector();
        if (end.isBefore(start)) {
            invalid.add("to", "must not be before from");
        } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
            invalid.add("to", "a report spans at most " + MAX_DAYS + " days");
        }
        invalid.throwIfAny();
        List<StatisticsRepository.Row> rows = repository.counts(clock.startOf(start), clock.startOf(end.plusDays(1)),
                communityCode, districtCommunities, scope);

        Tally total = new Tally();
        Map<String, Tally> communities = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Tally> districts = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, String> districtOf = orgs.districtsOfCommunities();
        Map<String, Map<String, Tally>> grids = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (StatisticsRepository.Row row : rows) {
            total.add(row);
            communities.computeIfAbsent(row.communityCode(), c -> new Tally()).add(row);
            districts.computeIfAbsent(districtOf.get(row.communityCode()), d -> new Tally()).add(row);
            grids.computeIfAbsent(row.communityCode(), c -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                    .computeIfAbsent(row.gridCode(), g -> new Tally()).add(row);
        }
        Map<String, String> communityNames = orgs.names("COMMUNITY");
        Map<String, String> gridNames = orgs.names("GRID");
        List<VisitStatistics.CommunityCounts> byCommunity = new ArrayList<>();
        communities.forEach((community, tally) -> {
            List<VisitStatistics.GridCounts> byGrid = new ArrayList<>();
            grids.get(community).forEach((grid, gridTally) -> byGrid.add(
                    new VisitStatistics.GridCounts(grid, gridNames.get(grid), gridTally.counts())));
            byCommunity.add(new VisitStatistics.CommunityCounts(community, communityNames.get(community),
                    tally.counts(), byGrid));
        });
        Map<String, String> districtNames = orgs.names("DISTRICT");
        List<VisitStatistics.DistrictCounts> byDistrict = new ArrayList<>();
        districts.forEach((district, tally) -> byDistrict.add(
                new VisitStatistics.DistrictCounts(district, districtNames.get(district), tally.counts())));
        return new VisitStatistics(start, end, communityCode, total.counts(), byCommunity, districtCode, byDistrict);
    }

    /** Running counts of one group. */
    private static final class Tally {
        long visits;
        final Map<Layer, Long> byLayer = zeros(Layer.class);
        final Map<Channel, Long> byChannel = zeros(Channel.class);
        final Map<Purpose, Long> byPurpose = zeros(Purpose.class);

        void add(StatisticsRepository.Row row) {
            visits += row.visits();
            byLayer.merge(row.layer(), row.visits(), Long::sum);
            byChannel.merge(row.channel(), row.visits(), Long::sum);
            byPurpose.merge(row.purpose(), row.visits(), Long::sum);
        }

        VisitStatistics.Counts counts() {
            return new VisitStatistics.Counts(visits, byLayer, byChannel, byPurpose);
        }

        private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
            Map<E, Long> map = new EnumMap<>(type);
            for (E value : type.getEnumConstants()) {
                map.put(value, 0L);
            }
            return map;
        }
    }
}
