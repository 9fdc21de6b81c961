package shouwang.alert.policy;

import java.time.Instant;
import java.util.Map;

import shouwang.alert.signal.SignalKind;

/** A policy version, parsed; {@code districtCode} is the district it belongs to, null for the city default. */
public record Policy(int version, Instant effectiveFrom, String changedBy, String districtCode,
        Map<SignalKind, KindRule> kinds) {

    public KindRule rule(SignalKind kind) {
        KindRule rule = kinds.get(kind);
        if (rule == null) {
            throw new IllegalStateException("Escalation policy version " + version + " has no rule for " + kind);
        }
        return rule;
    }
}
