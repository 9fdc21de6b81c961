package shouwang.visit.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.visit.OrgRecords;
import shouwang.visit.Risk;
import shouwang.visit.TestDb;
import shouwang.visit.policy.Policies;
import shouwang.visit.policy.PolicyService;
import shouwang.visit.readmodel.Cadre;

/**
 * Coverage is computed by the database: a large community is paged without loading it, every overdue pair shows
 * exactly once across the pages, a lapse sweep spanning several chunks announces each lapse once, and the database's
 * risk is the cadence rules' risk for every kind of cadre.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CoverageAtScaleTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final int CADRES = 1_100;
    static final int CHUNK = 500;

    @Inject
    CoverageService coverage;

    @Inject
    CoverageRepository repository;

    @Inject
    CadenceRules rules;

    @Inject
    PolicyService policies;

    @Test
    void aLargeCommunityIsPagedByTheDatabaseAndEachLapseIsAnnouncedOnce() {
        String community = "BIG" + UUID.randomUUID().toString().substring(0, 6);
        // ordinary cadres first seen 40 to 49 days ago: the monthly COMMUNITY contact is 9 to 18 days late
        TestDb.update("insert into cadre (id, version, name, birth_date, unit_code, community_code, grid_code, "
                + "living_arrangement, self_care, special_categories, key_service_target, status, first_seen_at) "
                + "select gen_random_uuid(), 1, '测试' || g, date '1955-06-01', 'DW001', ?, ? || '-WG0' || (g % 3), "
                + "'WITH_FAMILY', 'FULL', '', false, 'ACTIVE', now() - make_interval(days => 40 + g % 10) "
                + "from generate_series(1, ?) g", community, community, CADRES);
        String admin = TestTokens.districtAdmin();

        Set<String> seen = new HashSet<>();
        List<Integer> lateness = new ArrayList<>();
        for (int page = 0; page * 500 < CADRES; page++) {
            JsonPath body = given().auth().oauth2(admin).queryParam("communityCode", community)
                    .queryParam("size", 500).queryParam("page", page)
                    .get("/api/v1/coverage").then().statusCode(200).extract().jsonPath();
            assertThat(body.getLong("total")).isEqualTo(CADRES);
            assertThat(body.getLong("cadres")).isEqualTo(CADRES);
            assertThat(body.getLong("overdueByLayer.COMMUNITY")).isEqualTo(CADRES);
            assertThat(body.getLong("byGrid." + community + "-WG01.cadres")).isEqualTo((CADRES + 2) / 3);
            for (Map<String, Object> item : body.<Map<String, Object>>getList("items")) {
                assertThat(item.get("layer")).isEqualTo("COMMUNITY");
                assertThat(seen.add((String) item.get("cadreId"))).as("each cadre on one page only").isTrue();
                lateness.add((Integer) item.get("daysOverdue"));
            }
        }
        assertThat(seen).hasSize(CADRES);
        assertThat(lateness).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(lateness.get(0) - lateness.get(lateness.size() - 1)).isEqualTo(9);

        // three chunks of the district's cadres (and those of other tests), each its own transaction
        coverage.raiseLapses(TODAY, CHUNK, () -> { });
        coverage.raiseLapses(TODAY, CHUNK, () -> { });
        assertThat(TestDb.queryLong("select count(*) from routine_lapse l join cadre c on c.id = l.cadre_id "
                + "where c.community_code = ?", community)).isEqualTo(CADRES);
        assertThat(TestDb.queryLong("select count(*) from outbox_event where event_type = 'shouwang.VisitMissed.v1' "
                + "and cast(payload as jsonb) ->> 'communityCode' = ?", community)).isEqualTo(CADRES);
    }

    /**
     * The database applies each cadre's policy as {@link CadenceRules} does: cadres of every risk profile, none ever
     * contacted, in a district with cadences of its own and in a community of no district (the city default). Every
     * overdue (cadre, layer, due day) the database finds is the one the rules give under that cadre's policy, and
     * no other.
     */
    @Test
    void eachCadreIsJudgedByItsDistrictsPolicyAsTheCadenceRulesJudgeIt() {
        String n = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String district = "RD" + n;
        String own = "RDSQ" + n;
        String none = "RNSQ" + n;
        OrgRecords.district(district, "RDJD" + n, own);
        try {
            Map<String, Map<String, String>> cadences = new HashMap<>();
            cadences.put("KEY_TARGET", new HashMap<>(Map.of("GRID", "P3D", "COMMUNITY", "P10D")));
            cadences.get("KEY_TARGET").put("UNIT", null);
            cadences.put("AGED_80", Map.of("GRID", "P2M", "UNIT", "P1Y"));
            cadences.put("OTHERS", Map.of("GRID", "P21D", "COMMUNITY", "P2W"));
            policies.change(district, new shouwang.visit.policy.PolicyDocument(null, null, null, null, null,
                    cadences, null), "test");
            Policies inForce = policies.inForce();
            LocalDate firstSeen = TODAY.minusDays(400);
            Map<UUID, String> districtOf = new HashMap<>();
            for (String community : List.of(own, none)) {
                for (String[] kind : new String[][] { { "1960-01-01", "ALONE" }, { "1940-06-01", "WITH_FAMILY" },
                        { "1960-01-01", "WITH_FAMILY" } }) {
                    UUID id = UUID.randomUUID();
                    districtOf.put(id, community.equals(own) ? district : null);
                    TestDb.update("insert into cadre (id, version, name, birth_date, community_code, grid_code, "
                            + "living_arrangement, self_care, special_categories, key_service_target, status, "
                            + "first_seen_at) values (?, 1, '测试', ?, ?, ?, ?, 'FULL', '', false, 'ACTIVE', ?)", id,
                            java.sql.Date.valueOf(kind[0]), community, community + "-WG01", kind[1],
                            java.sql.Timestamp.from(firstSeen.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
                }
            }
            Set<String> expected = new HashSet<>();
            for (UUID id : districtOf.keySet()) {
                Risk risk = QuarkusTransaction.requiringNew().call(() -> rules.riskOf(Cadre.findById(id), TODAY));
                rules.required(inForce.of(districtOf.get(id)).cadences(), risk, List.of()).forEach((layer, period) -> {
                    LocalDate due = firstSeen.plus(period);
                    if (due.isBefore(TODAY)) {
                        expected.add(id + "/" + layer + "/" + due);
                    }
                });
            }
            Set<String> byDatabase = new HashSet<>();
            for (String community : List.of(own, none)) {
                QuarkusTransaction.requiringNew().run(() -> repository.overduePage(CoverageRepository.Cadres.inScope(
                        shouwang.kit.security.Scope.everything(), community, null, null), inForce, TODAY, 0, 100)
                        .forEach(o -> byDatabase.add(o.cadreId() + "/" + o.layer() + "/" + o.dueOn())));
            }
            assertThat(byDatabase).isEqualTo(expected);
            // the district's own cadences are in play: its ordinary cadre's grid is due, the default's is not
            assertThat(expected).anyMatch(row -> row.endsWith("/GRID/" + firstSeen.plusDays(21)));
        } finally {
            TestDb.update("delete from org_record where kind = 'DISTRICT'");
        }
    }

    @Test
    void theDatabasesRiskIsTheCadenceRulesRisk() {
        String community = "RSK" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate on = LocalDate.of(2030, 3, 1);
        List<UUID> ids = new ArrayList<>();
        String[][] kinds = {
                // birth date, living, self care, categories, key flag
                { "1950-03-01", "WITH_FAMILY", "FULL", "", "false" },      // turns 80 on the day
                { "1950-03-02", "WITH_FAMILY", "FULL", "", "false" },      // 80 tomorrow
                { "1940-03-01", "WITH_FAMILY", "FULL", "", "false" },      // turns 90 on the day
                { "1940-03-02", "WITH_FAMILY", "FULL", "", "false" },      // 89
                { "1952-02-29", "WITH_FAMILY", "FULL", "", "false" },      // leap-day birth
                { null, "WITH_FAMILY", "FULL", "", "false" },              // birth date unknown
                { "1960-01-01", "ALONE", "FULL", "", "false" },
                { "1960-01-01", "WITH_FAMILY", "PARTIAL", "", "false" },
                { "1960-01-01", "WITH_FAMILY", "NONE", "", "false" },
                { "1960-01-01", "WITH_FAMILY", "FULL", "CHILDREN_AWAY,DISABLED", "false" },
                { "1960-01-01", "WITH_FAMILY", "FULL", "CHILDREN_AWAY", "false" },
                { "1960-01-01", "WITH_FAMILY", "FULL", "", "true" },
        };
        for (String[] kind : kinds) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            TestDb.update("insert into cadre (id, version, name, birth_date, community_code, grid_code, living_arrangement, "
                    + "self_care, special_categories, key_service_target, status) values (?, 1, '测试', ?, ?, ?, ?, ?, ?, ?, "
                    + "'ACTIVE')", id, kind[0] == null ? null : java.sql.Date.valueOf(kind[0]), community,
                    community + "-WG01", kind[1], kind[2], kind[3], Boolean.parseBoolean(kind[4]));
        }
        for (LocalDate day : List.of(on.minusDays(1), on, on.plusYears(1))) {
            Map<UUID, Risk> byDatabase = repository.risks(ids, day);
            for (UUID id : ids) {
                Risk byRules = QuarkusTransaction.requiringNew().call(() -> rules.riskOf(Cadre.findById(id), day));
                assertThat(byDatabase.get(id)).as("risk of %s on %s", id, day).isEqualTo(byRules);
            }
        }
    }
}
