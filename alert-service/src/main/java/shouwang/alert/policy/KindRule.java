package shouwang.alert.policy;

import java.time.Duration;

/** How long the responsible layers have to visit, and how long each escalated level gets. */
public record KindRule(Duration deadline, Duration escalateEvery) {

    /** As the API and the stored policy write it: ISO-8601 durations. */
    PolicyDocument.Rule document() {
        return new PolicyDocument.Rule(deadline.toString(), escalateEvery.toString());
    }
}
