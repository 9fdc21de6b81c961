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
import shouwang.volunteer.hours.HoursDtos.Figures;
import shouwang.volunteer.hours.HoursDtos.ServiceStatistics;

/** Verified service per community and service type for a period, within the caller's communities. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    StatisticsRepository repository;

    @Inject
    CallerScope callerScope;

    public ServiceStatistics compute(LocalDate from, LocalDate to, String communityCode) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidFieldsException.of("to", "must not be before from");
        }
        if (communityCode != null) {
            callerScope.requireCommunity(communityCode);
        }
        Figures total = new Figures(0, 0, BigDecimal.ZERO.setScale(2), 0);
        Map<ServiceCategory, Figures> byType = new TreeMap<>();
        Map<String, Figures> communityTotals = new TreeMap<>();
        Map<String, Map<ServiceCategory, Figures>> communityByType = new TreeMap<>();
        for (StatisticsRepository.Row row : repository.verified(from, to, communityCode,
                StaffScope.communitiesOf(callerScope.scope()))) {
            Figures figures = new Figures(row.records(), row.peopleServed(), row.hours().setScale(2),
                    row.volunteers());
            if (row.allCommunities() && row.allTypes()) {
                total = figures;
            } else if (row.allCommunities()) {
                byType.put(ServiceCategory.valueOf(row.serviceType()), figures);
            } else if (row.allTypes()) {
                communityTotals.put(row.community(), figures);
            } else {
                communityByType.computeIfAbsent(row.community(), c -> new TreeMap<>())
                        .put(ServiceCategory.valueOf(row.serviceType()), figures);
            }
        }
        Map<String, CommunityFigures> byCommunity = new TreeMap<>();
        communityTotals.forEach((community, figures) -> byCommunity.put(community,
                new CommunityFigures(figures, communityByType.getOrDefault(community, Map.of()))));
        return new ServiceStatistics(from, to, total, byType, byCommunity);
    }
}
