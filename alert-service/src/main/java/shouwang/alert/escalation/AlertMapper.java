package shouwang.alert.escalation;

import java.util.List;

import shouwang.alert.signal.CareSignal;

/** Entities → API views, in one place. */
final class AlertMapper {

    private AlertMapper() {
    }

    static AlertView summary(Alert alert, List<CareSignal> signals) {
        return view(alert, signals, null, null);
    }

    static AlertView detail(Alert alert, List<CareSignal> signals, List<AlertHistory> history) {
        return view(alert, signals, signals.stream().map(AlertMapper::signal).toList(),
                history.stream().map(AlertMapper::history).toList());
    }

    private static AlertView view(Alert a, List<CareSignal> signals, List<AlertView.SignalView> signalViews,
            List<AlertView.HistoryView> history) {
        return new AlertView(a.id, a.cadreId, a.kind, a.kind.label(), a.status, a.level, Ladder.levelLabel(a.level),
                a.raisedAt, a.deadline, a.placement().communityCode, a.placement().gridCode, a.placement().unitCode, a.layerList(), a.policyVersion,
                a.escalateEvery, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.resolution,
                a.resolveReason, a.updatedAt, signals.stream().map(s -> s.signalId).toList(), signalViews, history);
    }

    private static AlertView.SignalView signal(CareSignal s) {
        return new AlertView.SignalView(s.signalId, s.kind, s.occurredAt, s.receivedAt, s.details, s.reportedBy,
                s.channel.name());
    }

    private static AlertView.HistoryView history(AlertHistory h) {
        return new AlertView.HistoryView(h.at, h.action, h.level, h.actor, h.note);
    }
}
