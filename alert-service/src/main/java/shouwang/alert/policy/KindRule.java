package shouwang.alert.policy;

import java.time.Duration;

/** How long the responsible layers have to visit, and how long each escalated level gets. */
public record KindRule(Duration deadline, Duration escalateEvery) {
}
