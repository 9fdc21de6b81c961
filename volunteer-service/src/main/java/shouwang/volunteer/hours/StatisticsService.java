package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.hours.HoursDtos.CommunityFigures;
import shouwang.volunteer.hours.HoursDtos.DistrictFigures;
import shouwang.volunteer.hours.HoursDtos.Figures;
import shouwang.volunteer.hours.HoursDtos.RequestCommunityFigures;
import shouwang.volunteer.hours.HoursDtos.RequestFigures;
import shouwang.volunteer.hours.HoursDtos.ServiceStatistics;

/**
 * Service given for a period, within the caller's communities: verified service records per community and service
 * category, done service requests per community and service type, and both together — from one query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    private static final Figures NONE = new Figures(0, 0, BigDecimal.ZERO.setScale(2), 0);

    @Inject
    StatisticsRepository repository;

    @Inject
    CallerScope callerScope;

    /**
     * @param districtCommunities the communities of the {@code districtCode} filter, null when none is given
     * @param districtNames code → name of the districts the org records hold
     */
    public ServiceStatistics compute(LocalDate from, LocalDate to, String communityCode,
            java.util.Set<String> districtCommunities, Map<String, String> districtNames) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidFieldsException.of("to", "must not be before from");
        }
        if (communityCode != null) {
            callerScope.requireCommunity(communityCode);
        }
        Figures all = NONE;
        Tally<ServiceCategory> records = new Tally<>();
        Tally<String> requests = new Tally<>();
        java.util.List<DistrictFigures> byDistrict = new java.util.ArrayList<>();
        for (StatisticsRepository.Row row : repository.served(from, to, communityCode, districtCommunities,
                StaffScope.communitiesOf(callerScope.scope()))) {
            Figures figures = new Figures(row.records(), row.peopleServed(), row.hours().setScale(2),
                    row.volunteers());
            if (!row.allDistricts()) {
                byDistrict.add(new DistrictFigures(row.district(), districtNames.get(row.district()), figures));
            } else if (row.allSources()) {
                all = figures;
            } else if (StatisticsRepository.RECORDS.equals(row.source())) {
                records.add(row, figures, row.serviceType() == null ? null : ServiceCategory.valueOf(row.serviceType()));
            } else {
                requests.add(row, figures, row.serviceType());
            }
        }
        Map<String, CommunityFigures> byCommunity = new TreeMap<>();
        records.communityTotals.forEach((community, figures) -> byCommunity.put(community,
                new CommunityFigures(figures, records.communityByType.getOrDefault(community, Map.of()))));
        Map<String, RequestCommunityFigures> requestsByCommunity = new TreeMap<>();
        requests.communityTotals.forEach((community, figures) -> requestsByCommunity.put(community,
                new RequestCommunityFigures(figures, requests.communityByType.getOrDefault(community, Map.of()))));
        byDistrict.sort(java.util.Comparator.comparing(DistrictFigures::districtCode,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return new ServiceStatistics(from, to, records.total, records.byType, byCommunity,
                new RequestFigures(requests.total, requests.byType, requestsByCommunity), all, byDistrict);
    }

    /** The rows of one source, sorted into its total, per type, per community and per community and type. */
    private static final class Tally<T extends Comparable<T>> {

        Figures total = NONE;
        final Map<T, Figures> byType = new TreeMap<>();
        final Map<String, Figures> communityTotals = new TreeMap<>();
        final Map<String, Map<T, Figures>> communityByType = new TreeMap<>();

        void add(StatisticsRepository.Row row, Figures figures, T type) {
            if (row.allCommunities() && row.allTypes()) {
                total = figures;
            } else if (row.allCommunities()) {
                byType.put(type, figures);
            } else if (row.community() == null) {
                // a request opened from an alert that named no community: in the totals, under no community
                return;
            } else if (row.allTypes()) {
                communityTotals.put(row.community(), figures);
            } else {
                communityByType.computeIfAbsent(row.community(), c -> new TreeMap<>()).put(type, figures);
            }
        }
    }
}
