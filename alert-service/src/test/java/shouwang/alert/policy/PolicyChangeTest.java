package shouwang.alert.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import shouwang.alert.signal.SignalKind;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.Problem;

/** Escalation-policy validation and merging, without the application. */
class PolicyChangeTest {

    private static final KindRule DAY = new KindRule(Duration.ofHours(24), Duration.ofHours(24));
    private static final KindRule THREE_DAYS = new KindRule(Duration.ofHours(72), Duration.ofHours(72));

    private static Map<SignalKind, KindRule> current() {
        Map<SignalKind, KindRule> kinds = new EnumMap<>(SignalKind.class);
        for (SignalKind kind : SignalKind.values()) {
            kinds.put(kind, kind == SignalKind.HOSPITALISATION ? DAY : THREE_DAYS);
        }
        return kinds;
    }

    private static List<String> badFields(Map<String, PolicyDocument.Rule> changes) {
        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class,
                () -> PolicyChange.apply(current(), changes));
        return refused.violations().stream().map(Problem.Violation::field).sorted().toList();
    }

    @Test
    void theGivenKindsReplaceTheirRulesAndTheOthersAreCarriedOver() {
        Map<SignalKind, KindRule> next = PolicyChange.apply(current(), Map.of(
                "HELP_REQUEST", new PolicyDocument.Rule("PT2H", "PT1H"),
                "BENEFITS_NOT_HONOURED", new PolicyDocument.Rule(" P5D ", "P2D")));
        assertEquals(new KindRule(Duration.ofHours(2), Duration.ofHours(1)), next.get(SignalKind.HELP_REQUEST));
        assertEquals(new KindRule(Duration.ofDays(5), Duration.ofDays(2)), next.get(SignalKind.BENEFITS_NOT_HONOURED));
        assertEquals(DAY, next.get(SignalKind.HOSPITALISATION));
        assertEquals(SignalKind.values().length, next.size());
        assertEquals(THREE_DAYS, current().get(SignalKind.HELP_REQUEST), "the current rules are not touched");
    }

    @Test
    void oneSecondIsTheShortestRule() {
        assertEquals(Duration.ofSeconds(1), PolicyChange.apply(current(),
                Map.of("WORRY", new PolicyDocument.Rule("PT1S", "PT1S"))).get(SignalKind.WORRY).deadline());
        assertEquals(List.of("kinds.WORRY.deadline", "kinds.WORRY.escalateEvery"),
                badFields(Map.of("WORRY", new PolicyDocument.Rule("PT0.5S", "PT0S"))));
        assertEquals(List.of("kinds.WORRY.deadline"), badFields(Map.of("WORRY", new PolicyDocument.Rule("-PT1H", "PT1H"))));
    }

    @Test
    void aYearAndADayIsTheLongestRule() {
        KindRule longest = PolicyChange.apply(current(), Map.of("WORRY", new PolicyDocument.Rule("P366D", "P366D")))
                .get(SignalKind.WORRY);
        assertEquals(new KindRule(Duration.ofDays(366), Duration.ofDays(366)), longest);
        assertEquals(List.of("kinds.HOSPITALISATION.deadline"),
                badFields(Map.of("HOSPITALISATION", new PolicyDocument.Rule("P1000000000D", "PT24H"))));
        assertEquals(List.of("kinds.WORRY.deadline", "kinds.WORRY.escalateEvery"),
                badFields(Map.of("WORRY", new PolicyDocument.Rule("P366DT1S", "PT8785H"))));
        // Beyond what java.time can hold is a bad field too, not an ArithmeticException.
        assertEquals(List.of("kinds.WORRY.deadline"),
                badFields(Map.of("WORRY", new PolicyDocument.Rule("PT9999999999999999999H", "PT1H"))));
    }

    @Test
    void durationsMustBeIsoAndBothAreRequired() {
        assertEquals(List.of("kinds.WORRY.deadline"), badFields(Map.of("WORRY", new PolicyDocument.Rule("three days", "PT1H"))));
        assertEquals(List.of("kinds.WORRY.deadline"), badFields(Map.of("WORRY", new PolicyDocument.Rule("24h", "PT1H"))));
        assertEquals(List.of("kinds.WORRY.escalateEvery"), badFields(Map.of("WORRY", new PolicyDocument.Rule("PT1H", null))));
        assertEquals(List.of("kinds.WORRY.deadline"), badFields(Map.of("WORRY", new PolicyDocument.Rule(" ", "PT1H"))));
        Map<String, PolicyDocument.Rule> noRule = new HashMap<>();
        noRule.put("WORRY", null);
        assertEquals(List.of("kinds.WORRY"), badFields(noRule));
    }

    @Test
    void anUnknownKindIsRefusedAndEveryBadFieldIsNamedAtOnce() {
        assertEquals(List.of("kinds.FLOOD", "kinds.WORRY.deadline", "kinds.WORRY.escalateEvery", "kinds.worry"),
                badFields(Map.of(
                        "FLOOD", new PolicyDocument.Rule("PT2H", "PT1H"),
                        "worry", new PolicyDocument.Rule("PT2H", "PT1H"),
                        "WORRY", new PolicyDocument.Rule("three days", "PT0S"),
                        "HARDSHIP", new PolicyDocument.Rule("PT2H", "PT1H"))));
    }
}
