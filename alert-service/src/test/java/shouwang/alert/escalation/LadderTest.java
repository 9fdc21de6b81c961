package shouwang.alert.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import shouwang.alert.cadre.Contact;
import shouwang.alert.org.Org;
import shouwang.alert.org.OrgKind;
import shouwang.alert.org.Orgs;
import shouwang.alert.org.Person;
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
    void eachLevelAsksItsOwnLayersWithThePeopleFromTheOrgRecords() {
        Ladder.Cadre cadre = new Ladder.Cadre(PLACEMENT, CONTACTS, null);
        assertEquals(List.of(new LayerOrg("UNIT", "DW001", "市第一机械厂", List.of(new Person("CONTACT", "李红",
                "13900000001"))), new LayerOrg("COMMUNITY", "SQ001", "东城社区", List.of(new Person("CONTACT", "赵敏",
                "13900000002")))), ladder.layers(0, cadre, ORGS));
        assertEquals(List.of(new LayerOrg("UNIT", "DW001", "市第一机械厂", List.of(UNIT_LEADER)),
                new LayerOrg("COMMUNITY", "SQ001", "东城社区", List.of(COMMUNITY_DUTY))), ladder.layers(1, cadre, ORGS),
                "the community names no leader: its duty officer is called");
        assertEquals(List.of(new LayerOrg("STREET", "JD001", "东城街道", List.of(STREET_LEADER, STREET_DUTY))),
                ladder.layers(2, cadre, ORGS));
        assertEquals(List.of(new LayerOrg("BUREAU", "QWLGJ", "区委老干部局", List.of(BUREAU_DUTY))),
                ladder.layers(3, cadre, ORGS));
        assertEquals(List.of("原单位和社区", "单位和社区领导", "街道", "区委老干部局", "区委老干部局"),
                List.of(0, 1, 2, 3, 4).stream().map(Ladder::levelLabel).toList());
    }

    @Test
    void withoutAKnownStreetLevelTwoAsksTheBureauAndWithoutABureauRecordTheConfiguredCodeAndName() {
        Ladder.Cadre elsewhere = new Ladder.Cadre(new Placement("SQ999", null, null), List.of(), null);
        assertEquals(List.of(new LayerOrg("BUREAU", "QWLGJ", "区委老干部局", List.of(BUREAU_DUTY))),
                ladder.layers(2, elsewhere, ORGS));
        assertEquals(List.of(new LayerOrg("STREET", "JD009", null, List.of())),
                ladder.layers(2, new Ladder.Cadre(new Placement("SQ999", null, null), List.of(), "JD009"), ORGS),
                "the profile's streetCode when no community record names the street");
        assertEquals(List.of(new LayerOrg("BUREAU", "QWLGJ", "区委老干部局(默认)", List.of())),
                ladder.layers(3, elsewhere, NO_ORGS));
    }

    @Test
    void whoMustActNowIsEveryPersonOfEveryLayerUnderTheLaddersRole() {
        Ladder.Cadre cadre = new Ladder.Cadre(PLACEMENT, CONTACTS, null);
        assertEquals(List.of(new Actor("UNIT_LEADER", "DW001", "张厂长", "13905310001", "UNIT", "市第一机械厂", "LEADER"),
                new Actor("COMMUNITY_LEADER", "SQ001", "王值班", "13905310002", "COMMUNITY", "东城社区",
                        "DUTY_OFFICER")), Ladder.mustActNow(1, ladder.layers(1, cadre, ORGS)));
        assertEquals(List.of(new Actor("STREET_OFFICE", "JD001", "赵主任", "13905310003", "STREET", "东城街道", "LEADER"),
                new Actor("STREET_OFFICE", "JD001", "钱值班", "13905310004", "STREET", "东城街道", "DUTY_OFFICER")),
                Ladder.mustActNow(2, ladder.layers(2, cadre, ORGS)));
        assertEquals(List.of(new Actor("UNIT_LEADER", "DW001", null, null, "UNIT", null, null),
                new Actor("COMMUNITY_LEADER", "SQ001", null, null, "COMMUNITY", null, null)),
                Ladder.mustActNow(1, ladder.layers(1, cadre, NO_ORGS)), "orgs without records are still named");
    }

    @Test
    void theUnitLayerIsAskedOnlyWhenTheCadreHasAUnitAndTheCommunityIsWhereTheCadreLivesNow() {
        assertEquals(List.of("UNIT", "COMMUNITY"), ladder.responsibleLayers(new Ladder.Cadre(PLACEMENT, CONTACTS, null)));
        Ladder.Cadre movedHouse = new Ladder.Cadre(new Placement("SQ002", null, "DW001"),
                List.of(new Contact("UNIT", "李红", null, "DW777"), new Contact("COMMUNITY", "赵敏", "1", "SQ001")), null);
        List<LayerOrg> asked = ladder.layers(0, movedHouse, NO_ORGS);
        assertEquals("DW777", asked.get(0).orgCode(), "the unit contact's org comes first");
        assertEquals("SQ002", asked.get(1).orgCode(), "the new community, not the old contact's");
        assertEquals(List.of(), asked.get(1).people(), "the old community's contact is not asked");
        assertEquals(List.of("COMMUNITY"), ladder.responsibleLayers(new Ladder.Cadre(new Placement("SQ002", null,
                null), List.of(), null)));
    }

    @Test
    void anAlertResolvesWhenTheLayersAskedNowOrTheResponsiblePairHaveVisited() {
        List<String> pair = List.of("UNIT", "COMMUNITY");
        assertTrue(Ladder.resolvedBy(List.of("STREET"), List.of("STREET"), pair));
        assertTrue(Ladder.resolvedBy(List.of("COMMUNITY", "UNIT"), List.of("BUREAU"), pair));
        assertFalse(Ladder.resolvedBy(List.of("STREET", "UNIT"), List.of("BUREAU"), pair));
        assertFalse(Ladder.resolvedBy(List.of("UNIT"), pair, pair));
    }

    @Test
    void inACityLevelThreeAsksTheBureauOfTheCadresDistrictThroughItsCommunityAndStreet() {
        Ladder.Cadre east = new Ladder.Cadre(new Placement("SQ801", null, null), List.of(), null);
        Ladder.Cadre west = new Ladder.Cadre(new Placement("SQ802", null, null), List.of(), null);
        assertEquals(List.of(new LayerOrg("BUREAU", "QX01", "一区", List.of(QX01_LEADER))),
                ladder.layers(3, east, CITY));
        assertEquals(List.of(new LayerOrg("BUREAU", "QX02", "二区", List.of(QX02_DUTY))),
                ladder.layers(3, west, CITY));
        assertEquals(List.of(new Actor("DISTRICT_BUREAU", "QX02", "乙值班", "13905320002", "BUREAU", "二区",
                "DUTY_OFFICER")), Ladder.mustActNow(3, ladder.layers(3, west, CITY)));
        assertEquals("QX01", Ladder.districtOf(east, CITY));
        assertEquals("QX02", Ladder.districtOf(new Ladder.Cadre(new Placement("SQ899", null, null), List.of(),
                "JD802"), CITY), "the profile's street when no community record names one");
    }

    @Test
    void aCitysDistrictWithoutItsRecordYetIsStillAskedAndWithoutADistrictTheBureauRecordIs() {
        Ladder.Cadre unrecorded = new Ladder.Cadre(new Placement("SQ803", null, null), List.of(), null);
        assertEquals(List.of(new LayerOrg("BUREAU", "QX03", null, List.of())), ladder.layers(3, unrecorded, CITY),
                "the district is named, nobody to call until its record arrives");
        Ladder.Cadre noDistrict = new Ladder.Cadre(new Placement("SQ001", null, null), List.of(), null);
        assertEquals(null, Ladder.districtOf(noDistrict, CITY), "the street names no district (one-district data)");
        assertEquals(List.of(new LayerOrg("BUREAU", "QWLGJ", "区委老干部局", List.of(BUREAU_DUTY))),
                ladder.layers(3, noDistrict, CITY));
        assertEquals(List.of(new LayerOrg("BUREAU", "QWLGJ", "区委老干部局", List.of(BUREAU_DUTY))),
                ladder.layers(2, new Ladder.Cadre(new Placement("SQ999", null, null), List.of(), null), CITY),
                "level 2 without a street: no district either, the bureau record");
    }

    private static final Person UNIT_LEADER = new Person("LEADER", "张厂长", "13905310001");
    private static final Person COMMUNITY_DUTY = new Person("DUTY_OFFICER", "王值班", "13905310002");
    private static final Person STREET_LEADER = new Person("LEADER", "赵主任", "13905310003");
    private static final Person STREET_DUTY = new Person("DUTY_OFFICER", "钱值班", "13905310004");
    private static final Person BUREAU_DUTY = new Person("DUTY_OFFICER", "孙值班", "13905310005");
    private static final Map<String, Org> RECORDS = Map.of(
            "UNIT:DW001", new Org(OrgKind.UNIT, "DW001", "市第一机械厂", null, true,
                    List.of(new Person("DUTY_OFFICER", "周值班", "1"), UNIT_LEADER)),
            "COMMUNITY:SQ001", new Org(OrgKind.COMMUNITY, "SQ001", "东城社区", "JD001", true, List.of(COMMUNITY_DUTY)),
            "STREET:JD001", new Org(OrgKind.STREET, "JD001", "东城街道", null, true, List.of(STREET_LEADER, STREET_DUTY)),
            "BUREAU:QWLGJ", new Org(OrgKind.BUREAU, "QWLGJ", "区委老干部局", null, true, List.of(BUREAU_DUTY)));

    private static final Orgs ORGS = new Orgs() {
        @Override
        public Optional<Org> find(OrgKind kind, String code) {
            return Optional.ofNullable(RECORDS.get(kind + ":" + code));
        }

        @Override
        public Optional<Org> bureau(String preferredCode) {
            return find(OrgKind.BUREAU, preferredCode);
        }
    };

    private static final Person QX01_LEADER = new Person("LEADER", "甲局长", "13905320001");
    private static final Person QX02_DUTY = new Person("DUTY_OFFICER", "乙值班", "13905320002");
    /** A city: districts QX01 and QX02 with their bureaus' people, QX03 known only as its street's parent. */
    private static final Map<String, Org> CITY_RECORDS = Map.of(
            "DISTRICT:QX01", new Org(OrgKind.DISTRICT, "QX01", "一区", null, true, List.of(QX01_LEADER)),
            "DISTRICT:QX02", new Org(OrgKind.DISTRICT, "QX02", "二区", null, true, List.of(QX02_DUTY)),
            "STREET:JD801", new Org(OrgKind.STREET, "JD801", "一街道", "QX01", true, List.of()),
            "STREET:JD802", new Org(OrgKind.STREET, "JD802", "二街道", "QX02", true, List.of()),
            "STREET:JD803", new Org(OrgKind.STREET, "JD803", "三街道", "QX03", true, List.of()),
            "COMMUNITY:SQ801", new Org(OrgKind.COMMUNITY, "SQ801", "一社区", "JD801", true, List.of()),
            "COMMUNITY:SQ802", new Org(OrgKind.COMMUNITY, "SQ802", "二社区", "JD802", true, List.of()),
            "COMMUNITY:SQ803", new Org(OrgKind.COMMUNITY, "SQ803", "三社区", "JD803", true, List.of()));

    private static final Orgs CITY = new Orgs() {
        @Override
        public Optional<Org> find(OrgKind kind, String code) {
            String key = kind + ":" + code;
            return Optional.ofNullable(CITY_RECORDS.getOrDefault(key, RECORDS.get(key)));
        }

        @Override
        public Optional<Org> bureau(String preferredCode) {
            return find(OrgKind.BUREAU, preferredCode);
        }
    };

    private static final Orgs NO_ORGS = new Orgs() {
        @Override
        public Optional<Org> find(OrgKind kind, String code) {
            return Optional.empty();
        }

        @Override
        public Optional<Org> bureau(String preferredCode) {
            return Optional.empty();
        }
    };

    private static final class TestConfig implements LadderConfig {

        @Override
        public String districtBureauCode() {
            return "QWLGJ";
        }

        @Override
        public String districtBureauName() {
            return "区委老干部局(默认)";
        }

        @Override
        public DeadlineWatchConfig deadlineWatch() {
            throw new UnsupportedOperationException("not a ladder rule");
        }
    }
}
