package shouwang.registry.roster;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.CallerScope;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.org.OrgService;

/**
 * The month's roster and its difference from the previous month. A cadre is on the roster of a month when aged 80+
 * on the month's last day (so the month of the 80th birthday counts) and neither dead nor gone before its first day.
 * Within the caller's scope (a caller without any scope gets an empty roster).
 */
@ApplicationScoped
@Transactional
public class HighAgeRosterService {

    @Inject
    CallerScope caller;

    @Inject
    IdNumberProtector idNumbers;

    @Inject
    AuditTrail audit;

    @Inject
    HighAgeRosterRepository repository;

    @Inject
    OrgService org;

    @Inject
    Clock clock;

    /**
     * @param requested the month; null for the district's current month
     * @param source    the request, for the history of plain ID number reads
     * @throws shouwang.kit.problem.ForbiddenException when {@code communityCode} is outside the caller's scope
     */
    public HighAgeRoster roster(YearMonth requested, String communityCode, String source) {
        caller.requireFilter(communityCode, null, null, org::communityOfGrid);
        YearMonth month = requested != null ? requested : YearMonth.from(clock.today());
        YearMonth previous = month.minusMonths(1);
        List<Cadre> candidates = repository.candidates(month, communityCode, caller.scope());

        List<HighAgeRoster.Entry> entries = new ArrayList<>();
        List<HighAgeRoster.Change> changes = new ArrayList<>();
        Map<String, Integer> byBand = new LinkedHashMap<>();
        byBand.put("80-89", 0);
        byBand.put("90-99", 0);
        byBand.put("100+", 0);
        boolean plain = caller.isDistrictAdmin();
        for (Cadre cadre : candidates) {
            String now = onRoster(cadre, month);
            String before = onRoster(cadre, previous);
            String change = null;
            if (now != null && before == null) {
                change = band(age(cadre, previous)) == null ? HighAgeRoster.TURNED_80 : HighAgeRoster.ADDED;
                changes.add(new HighAgeRoster.Change(cadre.id, cadre.name, change, null, now,
                        HighAgeRoster.TURNED_80.equals(change) ? cadre.birthDate.plusYears(80) : null));
            } else if (now != null && !now.equals(before)) {
                change = HighAgeRoster.BAND_CHANGED;
                changes.add(new HighAgeRoster.Change(cadre.id, cadre.name, change, before, now,
                        cadre.birthDate.plusYears(age(cadre, month))));
            } else if (now == null && before != null) {
                boolean died = cadre.deceasedOn != null && cadre.deceasedOn.isBefore(month.atDay(1));
                boolean left = cadre.movedAwayOn != null && cadre.movedAwayOn.isBefore(month.atDay(1));
                changes.add(new HighAgeRoster.Change(cadre.id, cadre.name,
                        died ? HighAgeRoster.DIED : left ? HighAgeRoster.MOVED_AWAY : HighAgeRoster.REMOVED, before, null,
                        died ? cadre.deceasedOn : left ? cadre.movedAwayOn : null));
            }
            if (now != null) {
                byBand.merge(now, 1, Integer::sum);
                entries.add(new HighAgeRoster.Entry(cadre.id, cadre.name, cadre.gender, cadre.birthDate,
                        age(cadre, month), now, plain ? idNumbers.decrypt(cadre.idNumberCipher) : cadre.idNumberMasked,
                        cadre.placement.communityCode, cadre.placement.gridCode, cadre.placement.unitCode, cadre.phone,
                        cadre.address, change));
            }
        }
        entries.sort(Comparator.comparing(HighAgeRoster.Entry::communityCode).thenComparing(HighAgeRoster.Entry::name)
                .thenComparing(HighAgeRoster.Entry::cadreId));
        changes.sort(Comparator.comparing(HighAgeRoster.Change::change).thenComparing(HighAgeRoster.Change::name)
                .thenComparing(HighAgeRoster.Change::cadreId));
        if (plain && !entries.isEmpty()) {
            audit.idNumbersViewed(entries.stream().map(HighAgeRoster.Entry::cadreId).toList(), caller.username(), source);
        }
        return new HighAgeRoster(month, entries.size(), byBand, entries, changes);
    }

    /** The band on the month's roster, or null when not on it. */
    static String onRoster(Cadre cadre, YearMonth month) {
        LocalDate first = month.atDay(1);
        if (cadre.deceasedOn != null && cadre.deceasedOn.isBefore(first)
                || cadre.movedAwayOn != null && cadre.movedAwayOn.isBefore(first)) {
            return null;
        }
        return band(age(cadre, month));
    }

    static int age(Cadre cadre, YearMonth month) {
        return Period.between(cadre.birthDate, month.atEndOfMonth()).getYears();
    }

    static String band(int age) {
        return age >= 100 ? "100+" : age >= 90 ? "90-99" : age >= 80 ? "80-89" : null;
    }
}
