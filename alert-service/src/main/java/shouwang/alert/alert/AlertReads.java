package shouwang.alert.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import shouwang.alert.common.Clock;
import shouwang.alert.signal.CareSignal;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.security.Scope;

/** The alert worklist and single reads. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AlertReads {

    /**
     * Newest first; with {@code updatedSince}, oldest change first (a device syncing pages forward never skips a
     * change made while it pages).
     */
    public shouwang.kit.paging.Page<AlertView> list(AlertQuery query, Scope scope, PageRequest page) {
        if (scope.isEmpty()) {
            return new shouwang.kit.paging.Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.cadreId() != null) {
            where.add("cadreId = :cadreId");
            params.and("cadreId", query.cadreId());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.and("status", query.status());
        }
        if (query.level() != null) {
            where.add("level = :level");
            params.and("level", query.level());
        }
        if (query.communityCode() != null) {
            where.add("placement.communityCode = :community");
            params.and("community", query.communityCode());
        }
        if (query.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", query.kind());
        }
        if (query.overdue() != null) {
            // Overdue: not resolved and past its deadline (the visits of the current level are late).
            where.add(query.overdue() ? "status <> :resolved and deadline < :now"
                    : "(status = :resolved or deadline >= :now)");
            params.and("resolved", AlertStatus.RESOLVED).and("now", Clock.now());
        }
        if (query.updatedSince() != null) {
            where.add("updatedAt >= :since");
            params.and("since", query.updatedSince());
        }
        if (!scope.districtWide()) {
            List<String> any = new ArrayList<>();
            if (!scope.communityCodes().isEmpty()) {
                any.add("placement.communityCode in :scopeCommunities");
                params.and("scopeCommunities", scope.communityCodes());
            }
            if (!scope.gridCodes().isEmpty()) {
                any.add("placement.gridCode in :scopeGrids");
                params.and("scopeGrids", scope.gridCodes());
            }
            if (!scope.unitCodes().isEmpty()) {
                any.add("placement.unitCode in :scopeUnits");
                params.and("scopeUnits", scope.unitCodes());
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        Sort sort = query.updatedSince() != null ? Sort.ascending("updatedAt", "id")
                : Sort.descending("raisedAt").and("id", Sort.Direction.Descending);
        var found = Alert.<Alert>find(where.isEmpty() ? "" : String.join(" and ", where), sort, params.map());
        List<Alert> alerts = found.page(Page.of(page.page(), page.size())).list();
        long total = found.count();
        Map<UUID, List<CareSignal>> signals = signalsOf(alerts);
        List<AlertView> items = alerts.stream()
                .map(a -> AlertMapper.summary(a, signals.getOrDefault(a.id, List.of())))
                .toList();
        return new shouwang.kit.paging.Page<>(items, page.page(), page.size(), total);
    }

    public AlertView detail(Alert alert) {
        return AlertMapper.detail(alert, CareSignal.ofAlert(alert.id), AlertHistory.of(alert.id));
    }

    private static Map<UUID, List<CareSignal>> signalsOf(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return new HashMap<>();
        }
        return CareSignal.ofAlerts(alerts.stream().map(a -> a.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.alertId));
    }
}
