package shouwang.alert.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import shouwang.alert.signal.SignalKind;
import shouwang.kit.problem.InvalidFieldsException;

/**
 * The rule of a policy change, pure: the given kinds replace their rules, the others are carried over. Every rule
 * needs a {@code deadline} and an {@code escalateEvery}, each an ISO-8601 duration from {@code PT1S} (short values
 * are for tests and drills) to {@code P366D} (a year, leap day included: a longer wait is no escalation, and a
 * deadline beyond what clients and PostgreSQL hold would fail every later signal of the kind); a name that is not a
 * signal kind is refused. All bad fields are named at once.
 */
public final class PolicyChange {

    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofDays(366);

    private PolicyChange() {
    }

    /** The rules after the change; throws naming every bad field, and then nothing is changed. */
    public static Map<SignalKind, KindRule> apply(Map<SignalKind, KindRule> current,
            Map<String, PolicyDocument.Rule> changes) {
        Map<SignalKind, KindRule> kinds = new EnumMap<>(SignalKind.class);
        kinds.putAll(current);
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        changes.forEach((name, rule) -> {
            SignalKind kind = kindOf(name);
            String field = "kinds." + name;
            if (kind == null) {
                problems.add(field, "is not a signal kind");
            } else if (rule == null) {
                problems.add(field, "must have deadline and escalateEvery");
            } else {
                Duration deadline = duration(problems, field + ".deadline", rule.deadline());
                Duration every = duration(problems, field + ".escalateEvery", rule.escalateEvery());
                if (deadline != null && every != null) {
                    kinds.put(kind, new KindRule(deadline, every));
                }
            }
        });
        problems.throwIfAny();
        return kinds;
    }

    private static SignalKind kindOf(String name) {
        try {
            return SignalKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static Duration duration(InvalidFieldsException.Collector problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "is required (an ISO-8601 duration such as PT24H)");
            return null;
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (duration.compareTo(SHORTEST) < 0) {
                problems.add(field, "must be at least PT1S");
                return null;
            }
            if (duration.compareTo(LONGEST) > 0) {
                problems.add(field, "must be at most P366D");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(field, "must be an ISO-8601 duration such as PT24H");
            return null;
        }
    }
}
