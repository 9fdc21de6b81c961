package shouwang.alert.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import shouwang.alert.cadre.Contact;
import shouwang.alert.policy.KindRule;
import shouwang.kit.security.Placement;

/** The escalation ladder's rules, without the application. */
class LadderTest {

    private static final Instant RAISED = Instant.parse("2026-11-22T08:00:00Z");
    private static final Placement PLACEMENT = new Placement("SQ001", "SQ001-WG01", "DW001");
    private static final List<Contact> CONTACTS = List.of(
            new Contact("UNIT", "李红", "13900000001", "DW001"),
            new Contact("COMMUNITY", "赵敏", "13900000002", "SQ001"),
            new Contact("GRID", "孙强", "13900000003", "SQ001-WG01"));

    private final Ladder ladder = new Ladder(new TestConfig());

    @Test
    void aNewAlertStartsAtLevelZeroDueAfterThePolicyDeadlineOfItsKind() {
        assertEquals(new Ladder.Step(0, RAISED.plus(Duration.ofHours(24))),
                Ladder.start(new KindRule(Duration.ofHours(24), Duration.ofHours(12)), RAISED));
        assertEquals(new Ladder.Step(0, RAISED.plus(Duration.ofHours(4))),
                Ladder.start(new KindRule(Duration.ofHours(4), Duration.ofHours(4)), RAISED));
    }

    @Test
    void missesOfTheCurrentLevelClimbZeroToThreeEachDueAfterTheIntervalTheAlertWasRaisedWithThenItStops() {
        Duration every = Duration.ofHours(12);
        Ladder.Step step = Ladder.start(new KindRule(Duration.ofHours(24), every), RAISED);
        List<Integer> levels = new ArrayList<>(List.of(step.level()));
        Instant now = step.deadline();
        while (Ladder.onMiss(false, step.level(), step.level()) == Ladder.Miss.ESCALATES) {
            step = Ladder.above(step.level(), every, now);
            assertEquals(now.plus(every), step.deadline(), "level " + step.level());
            levels.add(step.level());
            now = step.deadline().plusSeconds(5);
        }
        assertEquals(List.of(0, 1, 2, 3), levels);
        assertEquals(Ladder.TOP_LEVEL, step.level());
        assertEquals(Ladder.Miss.AT_TOP, Ladder.onMiss(false, Ladder.TOP_LEVEL, Ladder.TOP_LEVEL));
        assertThrows(IllegalStateException.class, () -> Ladder.above(Ladder.TOP_LEVEL, every, RAISED));
    }

    @Test
    void aMissOfAnEarlierLevelOrOfAResolvedAlertIsOnlyRecorded() {
        assertEquals(Ladder.Miss.ESCALATES, Ladder.onMiss(false, 1, 1));
        assertEquals(Ladder.Miss.RECORDED, Ladder.onMiss(false, 1, 0), "the other layer's miss of level 0");
        assertEquals(Ladder.Miss.RECORDED, Ladder.onMiss(true, 0, 0));
        assertEquals(Ladder.Miss.RECORDED, Ladder.onMiss(true, 3, 3));
        assertEquals(Ladder.Miss.RECORDED, Ladder.onMiss(false, 3, 2));
    }

    @Test
    void whoMustActClimbsFromTheContactsToTheirLeadersTheStreetOfficeAndTheDistrictBureau() {
        assertEquals(List.of(new Actor("UNIT", "DW001", "李红", "13900000001"),
                new Actor("COMMUNITY", "SQ001", "赵敏", "13900000002")), ladder.mustActNow(0, PLACEMENT, CONTACTS));
        assertEquals(List.of(new Actor("UNIT_LEADER", "DW001", "张处长", null),
                new Actor("COMMUNITY_LEADER", "SQ001", null, null)), ladder.mustActNow(1, PLACEMENT, CONTACTS));
        assertEquals(List.of(new Actor("STREET_OFFICE", "JD001", "东城街道办事处", "010-2")),
                ladder.mustActNow(2, PLACEMENT, CONTACTS));
        assertEquals(List.of(new Actor("STREET_OFFICE", null, null, null)),
                ladder.mustActNow(2, new Placement("SQ999", null, null), CONTACTS), "a community without a street office");
        assertEquals(List.of(new Actor("DISTRICT_BUREAU", "QWLGJ", "区委老干部局", "010-1")),
                ladder.mustActNow(3, PLACEMENT, CONTACTS));
        assertEquals(List.of("原单位和社区", "单位和社区领导", "街道", "区委老干部局", "区委老干部局"),
                List.of(0, 1, 2, 3, 4).stream().map(Ladder::levelLabel).toList());
    }

    @Test
    void theUnitLayerIsAskedOnlyWhenTheCadreHasAUnitAndTheContactsOrgComesFirst() {
        assertEquals(List.of(new LayerOrg("UNIT", "DW001"), new LayerOrg("COMMUNITY", "SQ001")),
                ladder.layers(PLACEMENT, CONTACTS));
        assertEquals(List.of(new LayerOrg("UNIT", "DW777"), new LayerOrg("COMMUNITY", "SQ001")),
                ladder.layers(PLACEMENT, List.of(new Contact("UNIT", "李红", null, "DW777"))));
        assertEquals(List.of(new LayerOrg("COMMUNITY", "SQ002")),
                ladder.layers(new Placement("SQ002", null, null), List.of()));
    }

    private static final class TestConfig implements LadderConfig {

        @Override
        public String districtBureauCode() {
            return "QWLGJ";
        }

        @Override
        public String districtBureauName() {
            return "区委老干部局";
        }

        @Override
        public Optional<String> districtBureauPhone() {
            return Optional.of("010-1");
        }

        @Override
        public Map<String, String> streetOf() {
            return Map.of("SQ001", "JD001");
        }

        @Override
        public Map<String, Person> directory() {
            return Map.of("JD001", person("东城街道办事处", "010-2"), "DW001", person("张处长", null));
        }

        @Override
        public DeadlineWatchConfig deadlineWatch() {
            throw new UnsupportedOperationException("not a ladder rule");
        }

        private static Person person(String name, String phone) {
            return new Person() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Optional<String> phone() {
                    return Optional.ofNullable(phone);
                }
            };
        }
    }
}
