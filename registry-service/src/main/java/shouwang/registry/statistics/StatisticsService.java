package shouwang.registry.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.AgeBand;
import shouwang.registry.org.OrgService;

/**
 * The counts of the cadres active on {@code asOf}, within the caller's scope, every key of every map present, zero or
 * not: from the tallies when the selection is a set of communities (a district, a street's, the city), else from a
 * grouped scan of the cadres selected (a grid or a unit: few rows, by index).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    /** The tallies' dimension of birth months, {@code yyyy-MM} (V8). */
    private static final String BIRTH_MONTH = "birthMonth";

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
        Scope scope = caller.scope();
        if (gridCode != null || unitCode != null || !scope.gridCodes().isEmpty() || !scope.unitCodes().isEmpty()) {
            return scanned(on, communityCode, gridCode, unitCode, districtCode, scope);
        }
        return tallied(on, communityCode, districtCode, scope);
    }

    /** From the grouped scan of every active cadre in the selection: grids and units are not tallied. */
    CadreStatistics scanned(LocalDate on, String communityCode, String gridCode, String unitCode,
            String districtCode, Scope scope) {
        Tally tally = new Tally();
        for (StatisticsRepository.Group group : repository.activeOn(on, communityCode, gridCode, unitCode,
                districtCode, scope)) {
            tally.add(group, 1, true);
        }
        return tally.statistics(on);
    }

    /**
     * From the tallies of the open cadres of the communities selected, less those born after {@code on}, plus the
     * closed records still active on it. Age bands: the open cadres born by each band's first birthday are those of
     * the birth months before that day's month and, read from the rows, those of its month up to that day.
     */
    CadreStatistics tallied(LocalDate on, String communityCode, String districtCode, Scope scope) {
        Tally tally = new Tally();
        TreeMap<String, Long> byBirthMonth = new TreeMap<>();
        for (StatisticsRepository.Tallied row : repository.tallied(communityCode, districtCode, scope)) {
            if (BIRTH_MONTH.equals(row.dimension())) {
                byBirthMonth.put(row.value(), row.count());
            } else {
                tally.add(row.dimension(), row.value(), row.count(), row.communityCode(), row.districtCode());
            }
        }
        for (StatisticsRepository.Group group : repository.openBornAfter(on, communityCode, districtCode, scope)) {
            tally.add(group, -1, false);
        }
        AgeBand[] bands = AgeBand.values();
        List<LocalDate> firstBirthdays = new ArrayList<>();
        for (int i = 1; i < bands.length; i++) {
            firstBirthdays.add(AgeBand.bornBy(on, bands[i].from));
        }
        long[] inBoundaryMonth = repository.openBornInMonthUpTo(firstBirthdays, communityCode, districtCode, scope);
        long older = 0;
        for (int i = bands.length - 1; i >= 1; i--) {
            LocalDate day = firstBirthdays.get(i - 1);
            long bornBy = byBirthMonth.headMap(YearMonth.from(day).toString()).values().stream()
                    .mapToLong(Long::longValue).sum() + inBoundaryMonth[i - 1];
            tally.addToBand(bands[i], bornBy - older);
            older = bornBy;
        }
        tally.addToBand(bands[0], tally.total() - older);
        for (StatisticsRepository.Group group : repository.closedAfter(on, communityCode, districtCode, scope)) {
            tally.add(group, 1, true);
        }
        return tally.statistics(on);
    }

    /** Community names by code, for the XLSX (which shows names, not only codes). */
    public Map<String, String> communityNames() {
        return org.communityNames();
    }
}
