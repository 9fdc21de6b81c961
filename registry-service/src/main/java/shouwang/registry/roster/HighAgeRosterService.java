package shouwang.registry.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.IdNumberProtector;
import shouwang.registry.history.AuditTrail;
import shouwang.registry.org.OrgService;
import shouwang.registry.roster.HighAgeRosterRepository.FrozenEntry;
import shouwang.registry.roster.HighAgeRosterRepository.FrozenChange;
import shouwang.registry.roster.HighAgeRosterRepository.Freeze;

/**
 * The month's roster and its difference from the previous month. A cadre is on the roster of a month when aged 80+
 * on the month's last day (so the month of the 80th birthday counts) and neither dead nor gone before its first day.
 * Within the caller's scope (a caller without any scope gets an empty roster).
 * <p>
 * A month can be frozen (the list that went to payment): from then on that month answers the frozen list, and the
 * next month's changes are counted against it, so a correction recorded after the freeze shows in the next month.
 */
@ApplicationScoped
@Transactional
public class HighAgeRosterService {

    private static final Logger LOG = Logger.getLogger(HighAgeRosterService.class);

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

    /** A cadre on the computed list, with what the list shows and what a freeze keeps. */
    private record Listed(Cadre cadre, HighAgeRoster.Entry entry) {
    }

    /** The computed list of a month, before scope filtering of a frozen copy. */
    private record Computed(List<Listed> entries, List<FrozenChange> changes) {
    }

    /**
     * @param requested the month; null for the district's current month
     * @param source    the request, for the history of plain ID number reads
     * @throws shouwang.kit.problem.ForbiddenException when {@code communityCode} is outside the caller's scope
     */
    public HighAgeRoster roster(YearMonth requested, String communityCode, String source) {
        caller.requireFilter(communityCode, null, null, org::communityOfGrid);
        YearMonth month = requested != null ? requested : YearMonth.from(clock.today());
        boolean plain = caller.isDistrictAdmin();
        Scope scope = caller.scope();
        Freeze freeze = repository.freeze(month);
        List<HighAgeRoster.Entry> entries = new ArrayList<>();
        List<HighAgeRoster.Change> changes;
        if (freeze != null) {
            for (FrozenEntry frozen : repository.frozenEntries(month)) {
                if (scope.covers(frozen.placement()) && (communityCode == null
                        || communityCode.equals(frozen.placement().communityCode))) {
                    entries.add(plain ? frozen.entry().withIdNumber(idNumbers.decrypt(frozen.idNumberCipher()))
                            : frozen.entry());
                }
            }
            changes = visible(freeze.changes(), scope, communityCode);
        } else {
            Computed computed = compute(month, communityCode, scope);
            for (Listed listed : computed.entries()) {
                entries.add(plain ? listed.entry().withIdNumber(idNumbers.decrypt(listed.cadre().idNumberCipher))
                        : listed.entry());
            }
            changes = computed.changes().stream().map(FrozenChange::change).toList();
        }
        Map<String, Integer> byBand = new LinkedHashMap<>();
        byBand.put("80-89", 0);
        byBand.put("90-99", 0);
        byBand.put("100+", 0);
        entries.forEach(entry -> byBand.merge(entry.band(), 1, Integer::sum));
        if (plain && !entries.isEmpty()) {
            audit.idNumbersViewed(entries.stream().map(HighAgeRoster.Entry::cadreId).toList(), caller.username(), source);
        }
        return new HighAgeRoster(month, entries.size(), byBand, entries, changes,
                freeze == null ? null : freeze.frozenAt(), freeze == null ? null : freeze.frozenBy());
    }

    /**
     * Freezes the whole district's list of {@code month} as it is now (district-admin). A month is frozen once: a
     * second freeze is a 409 (the list already went to payment).
     */
    public HighAgeRoster freeze(YearMonth requested) {
        if (!caller.scope().districtWide()) {
            // the frozen list is the whole deployment's month: in a city, the city freezes it for every district
            throw new ForbiddenException("In a city deployment the city (city-admin) freezes the month's roster");
        }
        YearMonth current = YearMonth.from(clock.today());
        YearMonth month = requested != null ? requested : current;
        if (month.isAfter(current)) {
            throw InvalidFieldsException.of("month", "must not be after the current month " + current);
        }
        if (!repository.lockFreeze(month)) {
            throw new ConflictException("The roster of " + month + " is already frozen");
        }
        Computed computed = compute(month, null, Scope.everything());
        Instant now = clock.now();
        repository.saveFreeze(month, now, caller.username(), computed.changes(),
                computed.entries().stream().map(listed -> new FrozenEntry(listed.entry(),
                        copy(listed.cadre().placement), listed.cadre().idNumberCipher)).toList());
        LOG.infof("High-age roster of %s frozen by %s: %d cadres, %d changes", month, caller.username(),
                computed.entries().size(), computed.changes().size());
        return roster(month, null, "POST /reports/high-age-subsidy/freeze");
    }

    private static List<HighAgeRoster.Change> visible(List<FrozenChange> changes, Scope scope, String communityCode) {
        return changes.stream().filter(change -> scope.covers(change.placement()) && (communityCode == null
                || communityCode.equals(change.placement().communityCode))).map(FrozenChange::change).toList();
    }

    /**
     * The month's list from the cadres as they are now; the changes are against the previous month's frozen list
     * when it was frozen, otherwise against the previous month computed the same way.
     */
    private Computed compute(YearMonth month, String communityCode, Scope scope) {
        YearMonth previous = month.minusMonths(1);
        Map<String, String> names = org.communityNames();
        List<Cadre> candidates = new ArrayList<>(repository.candidates(month, communityCode, scope));
        Map<UUID, String> frozenBefore = null;
        if (repository.freeze(previous) != null) {
            frozenBefore = new HashMap<>();
            for (FrozenEntry frozen : repository.frozenEntries(previous)) {
                frozenBefore.put(frozen.entry().cadreId(), frozen.entry().band());
            }
            // someone on the paid list who is no candidate now (a death recorded late, a corrected birth date)
            Set<UUID> seen = candidates.stream().map(cadre -> cadre.id).collect(Collectors.toSet());
            List<UUID> gone = frozenBefore.keySet().stream().filter(id -> !seen.contains(id)).toList();
            repository.cadres(gone).stream().filter(cadre -> scope.covers(cadre.placement) && (communityCode == null
                    || communityCode.equals(cadre.placement.communityCode))).forEach(candidates::add);
        }
        List<Listed> entries = new ArrayList<>();
        List<FrozenChange> changes = new ArrayList<>();
        for (Cadre cadre : candidates) {
            String now = onRoster(cadre, month);
            String before = frozenBefore != null ? frozenBefore.get(cadre.id) : onRoster(cadre, previous);
            String change = null;
            HighAgeRoster.Change moved = null;
            if (now != null && before == null) {
                change = band(age(cadre, previous)) == null ? HighAgeRoster.TURNED_80 : HighAgeRoster.ADDED;
                moved = new HighAgeRoster.Change(cadre.id, cadre.name, change, null, now,
                        HighAgeRoster.TURNED_80.equals(change) ? cadre.birthDate.plusYears(80) : null);
            } else if (now != null && !now.equals(before)) {
                change = HighAgeRoster.BAND_CHANGED;
                moved = new HighAgeRoster.Change(cadre.id, cadre.name, change, before, now,
                        cadre.birthDate.plusYears(age(cadre, month)));
            } else if (now == null && before != null) {
                boolean died = cadre.deceasedOn != null && cadre.deceasedOn.isBefore(month.atDay(1));
                boolean left = cadre.movedAwayOn != null && cadre.movedAwayOn.isBefore(month.atDay(1));
                moved = new HighAgeRoster.Change(cadre.id, cadre.name,
                        died ? HighAgeRoster.DIED : left ? HighAgeRoster.MOVED_AWAY : HighAgeRoster.REMOVED, before,
                        null, died ? cadre.deceasedOn : left ? cadre.movedAwayOn : null);
            }
            if (moved != null) {
                changes.add(new FrozenChange(moved, copy(cadre.placement)));
            }
            if (now != null) {
                entries.add(new Listed(cadre, new HighAgeRoster.Entry(cadre.id, cadre.name, cadre.gender,
                        cadre.birthDate, age(cadre, month), now, cadre.idNumberMasked, cadre.placement.communityCode,
                        names.get(cadre.placement.communityCode), cadre.placement.gridCode, cadre.placement.unitCode,
                        cadre.phone, cadre.address, change)));
            }
        }
        entries.sort(Comparator.comparing((Listed listed) -> listed.entry().communityCode())
                .thenComparing(listed -> listed.entry().name()).thenComparing(listed -> listed.entry().cadreId()));
        changes.sort(Comparator.comparing((FrozenChange moved) -> moved.change().change())
                .thenComparing(moved -> moved.change().name()).thenComparing(moved -> moved.change().cadreId()));
        return new Computed(entries, changes);
    }

    private static Placement copy(Placement placement) {
        return new Placement(placement.communityCode, placement.gridCode, placement.unitCode);
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
