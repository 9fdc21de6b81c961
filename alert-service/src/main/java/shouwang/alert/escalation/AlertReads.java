package shouwang.alert.escalation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import shouwang.alert.signal.CareSignal;
import shouwang.kit.clock.Clock;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.Caller;
import shouwang.kit.security.Scope;

/** The alert worklist and single reads. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AlertReads {

    @Inject
    Clock clock;

    @Inject
    Tombstones tombstones;

    @Inject
    AlertRepository repository;

    /**
     * Newest first; with {@code updatedSince}, oldest change first (a device syncing pages forward never skips a
     * change made while it pages), and then also lists in {@code removed} the alerts that left the caller's view
     * since then (their cadre moved away). Limited to the scope: an empty scope sees an empty page.
     */
    public Page<AlertView> list(AlertQuery query, Scope scope, PageRequest page) {
        ListQuery<Alert> alerts = ListQuery.of(Alert.class, "a")
                .eq("a.cadreId", query.cadreId())
                .eq("a.status", query.status())
                .eq("a.level", query.level())
                .eq("a.placement.communityCode", query.communityCode())
                .eq("a.kind", query.kind())
                .since("a.updatedAt", query.updatedSince())
                .inScope(scope, "a.placement")
                .orderBy(query.updatedSince() != null ? "a.updatedAt asc, a.id asc" : "a.raisedAt desc, a.id desc");
        if (query.overdue() != null) {
            // Overdue: not resolved and past its deadline (the visits of the current level are late).
            alerts.where(query.overdue() ? "a.status <> :resolved and a.deadline < :now"
                    : "a.status = :resolved or a.deadline >= :now",
                    Map.of("resolved", AlertStatus.RESOLVED, "now", clock.now()));
        }
        Page<AlertView> found = alerts.page(page, AlertReads::summaries);
        return query.updatedSince() == null ? found
                : found.withRemoved(tombstones.since(AlertService.TOMBSTONE_KIND, scope, query.updatedSince()));
    }

    /** The alerts not resolved in the scope by level and district, from one query. */
    public AlertStatistics statistics(Scope scope) {
        return AlertStatistics.of(repository.openByLevelAndDistrict(scope, clock.now()));
    }

    /** One alert with its signals and history; 404 when unknown or outside the caller's scope. */
    public AlertView one(UUID alertId, Caller caller) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            throw new NotFoundException("Alert", alertId);
        }
        caller.requireVisible("Alert", alertId, alert.placement());
        return detail(alert);
    }

    public AlertView detail(Alert alert) {
        return AlertMapper.detail(alert, CareSignal.ofAlerts(List.of(alert.id)), AlertHistory.of(alert.id));
    }

    private static List<AlertView> summaries(List<Alert> alerts) {
        Map<UUID, List<CareSignal>> signals = alerts.isEmpty() ? Map.of()
                : CareSignal.ofAlerts(alerts.stream().map(a -> a.id).toList()).stream()
                        .collect(Collectors.groupingBy(s -> s.alertId));
        return alerts.stream().map(a -> AlertMapper.summary(a, signals.getOrDefault(a.id, List.of()))).toList();
    }
}
