package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Scope;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.hours.HoursDtos.CommunityFigures;
import shouwang.volunteer.hours.HoursDtos.Figures;
import shouwang.volunteer.hours.HoursDtos.ServiceStatistics;

/** Verified service per community and service type for a period, in one grouping-sets query. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope callerScope;

    public ServiceStatistics compute(LocalDate from, LocalDate to, String communityCode) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidFieldsException.of("to", "must not be before from");
        }
        if (communityCode != null) {
            callerScope.requireCommunity(communityCode);
        }
        StringBuilder sql = new StringBuilder("""
                select community_code, service_type, grouping(community_code), grouping(service_type),
                       count(*), coalesce(sum(people_served), 0), coalesce(sum(hours), 0), count(distinct volunteer_id)
                from service_record where status = 'VERIFIED'""");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            sql.append(" and served_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and served_on <= :to");
            params.put("to", to);
        }
        if (communityCode != null) {
            sql.append(" and community_code = :community");
            params.put("community", communityCode);
        }
        Scope scope = callerScope.scope();
        if (!scope.districtWide()) {
            sql.append(" and community_code in (:scope)");
            params.put("scope", scope.communityCodes().isEmpty() ? List.of("-") : List.copyOf(scope.communityCodes()));
        }
        sql.append(" group by grouping sets ((community_code, service_type), (community_code), (service_type), ())");
        Query query = entityManager.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);

        Figures total = new Figures(0, 0, BigDecimal.ZERO.setScale(2), 0);
        Map<ServiceCategory, Figures> byType = new TreeMap<>();
        Map<String, Figures> communityTotals = new TreeMap<>();
        Map<String, Map<ServiceCategory, Figures>> communityByType = new TreeMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            boolean allCommunities = ((Number) cells[2]).intValue() == 1;
            boolean allTypes = ((Number) cells[3]).intValue() == 1;
            Figures figures = new Figures(((Number) cells[4]).longValue(), ((Number) cells[5]).longValue(),
                    new BigDecimal(cells[6].toString()).setScale(2), ((Number) cells[7]).longValue());
            if (allCommunities && allTypes) {
                total = figures;
            } else if (allCommunities) {
                byType.put(ServiceCategory.valueOf((String) cells[1]), figures);
            } else if (allTypes) {
                communityTotals.put((String) cells[0], figures);
            } else {
                communityByType.computeIfAbsent((String) cells[0], c -> new TreeMap<>())
                        .put(ServiceCategory.valueOf((String) cells[1]), figures);
            }
        }
        Map<String, CommunityFigures> byCommunity = new TreeMap<>();
        communityTotals.forEach((community, figures) -> byCommunity.put(community,
                new CommunityFigures(figures, communityByType.getOrDefault(community, Map.of()))));
        return new ServiceStatistics(from, to, total, byType, byCommunity);
    }
}
