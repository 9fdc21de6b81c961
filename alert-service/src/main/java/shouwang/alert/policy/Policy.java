package shouwang.alert.policy;

import java.time.Instant;
import java.util.Map;

import shouwang.alert.signal.SignalKind;

/** A policy version, parsed. */
public record Policy(int version, Instant effectiveFrom, String changedBy, Map<SignalKind, KindRule> kinds) {

    public KindRule rule(SignalKind kind) {
        KindRule rule = kinds.get(kind);
        if (rule == null) {
            throw new IllegalStateException("Escalation policy version " + version + " has no rule for " + kind);
        }
        return rule;
    }
}
