package shouwang.visit.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.OrgRecords;
import shouwang.visit.Profiles;
import shouwang.visit.TestClock;
import shouwang.visit.TestDb;
import shouwang.visit.campaign.CampaignService;
import shouwang.visit.coverage.CoverageService;

/**
 * Per-district visit policy in a city (issue 16): cadences and campaign defaults per district, with a city default a
 * district follows until it has its own. Two districts, A and B, under fresh codes; the DISTRICT records are removed
 * after each test (the other suites' one-district admin must keep seeing everything), and a changed city default is
 * put back, so the suites sharing this database keep the shipped cadences.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class VisitPolicyTest {

    static final String POLICY = "/api/v1/visit-policy";
    static final String CITY = TestTokens.user("city-admin").token();
    static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    CoverageService coverage;

    @Inject
    CampaignService campaigns;

    private boolean changedTheDefault;

    @AfterEach
    void backToOneDistrictAndTheShippedDefault() {
        TestClock.CLOCK.reset();
        if (changedTheDefault) {
            // versions only add: the shipped values come back as a new version of the city default
            Map<String, Object> shipped = new HashMap<>();
            shipped.put("GRID", null);
            change(CITY, null, Map.of("cadences", Map.of("OTHERS", shipped))).statusCode(200);
        }
        TestDb.update("delete from org_record where kind = 'DISTRICT'");
    }

    /** Two districts with one street and one community each. */
    record City(String a, String b, String communityA, String communityB, String adminA, String adminB) {
    }

    static City city() {
        String n = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        City city = new City("PA" + n, "PB" + n, "PASQ" + n, "PBSQ" + n,
                TestTokens.user("district-admin").districts("PA" + n).token(),
                TestTokens.user("district-admin").districts("PB" + n).token());
        OrgRecords.district(city.a(), "PAJD" + n, city.communityA());
        OrgRecords.district(city.b(), "PBJD" + n, city.communityB());
        return city;
    }

    static io.restassured.response.ValidatableResponse change(String token, String district, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (district != null) {
            request.queryParam("districtCode", district);
        }
        return request.put(POLICY).then();
    }

    static JsonPath read(String token, String district) {
        var request = given().auth().oauth2(token);
        if (district != null) {
            request.queryParam("districtCode", district);
        }
        return request.get(POLICY).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> othersGrid(String period) {
        return Map.of("cadences", Map.of("OTHERS", Map.of("GRID", period)));
    }

    /** An ordinary cadre (76, not a key target: OTHERS) whose grid last called {@code daysAgo} days ago. */
    static UUID cadreCalledByItsGrid(String community, int daysAgo) {
        UUID cadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG01",
                "PDW01"));
        given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre, "visitedAt", Instant.now().minus(Duration.ofDays(daysAgo)).toString(),
                        "channel", "PHONE", "layer", "GRID"))
                .post("/api/v1/visits").then().statusCode(201);
        return cadre;
    }

    static List<String> overdue(String community) {
        return given().auth().oauth2(CITY).queryParam("communityCode", community).get("/api/v1/coverage").then()
                .statusCode(200).extract().jsonPath().getList("items", Map.class).stream()
                .map(i -> i.get("cadreId") + "/" + i.get("layer") + "/" + i.get("daysOverdue")).toList();
    }

    @Test
    void aDistrictsOwnCadenceMakesItsCadreOverdueAndTheOtherDistrictsNot() {
        City c = city();
        UUID inA = cadreCalledByItsGrid(c.communityA(), 5);
        UUID inB = cadreCalledByItsGrid(c.communityB(), 5);
        assertThat(overdue(c.communityA())).isEmpty();
        assertThat(overdue(c.communityB())).isEmpty();

        change(c.adminB(), c.b(), othersGrid("P3D")).statusCode(200).body("cadences.OTHERS.GRID", equalTo("P3D"));

        // B's cadre was due two days ago; A follows the city default, where an ordinary cadre has no grid cadence
        assertThat(overdue(c.communityB())).containsExactly(inB + "/GRID/2");
        assertThat(overdue(c.communityA())).isEmpty();
        given().auth().oauth2(c.adminB()).get("/api/v1/coverage").then().statusCode(200)
                .body("overdueByLayer.GRID", equalTo(1)).body("byDistrict." + c.b() + ".overdueCadres", equalTo(1));

        // the routine lapse follows the district's cadence too
        coverage.raiseLapses(LocalDate.now(DISTRICT_ZONE));
        List<TopicProbe.Received> missed = TopicProbe.events("visits", "VisitMissed",
                d -> d.path("cadreId").asText().equals(inB.toString()), 1, Duration.ofSeconds(20));
        assertThat(missed.get(0).data().path("kind").asText()).isEqualTo("ROUTINE");
        assertThat(missed.get(0).data().path("layer").asText()).isEqualTo("GRID");
        assertThat(missed.get(0).data().path("districtCode").asText()).isEqualTo(c.b());
        assertThat(TestDb.queryLong("select count(*) from routine_lapse where cadre_id = ?", inA)).isZero();
    }

    @Test
    void aDistrictInheritsTheDefaultUntilItChangesItsOwnAndOnlyItsAdminOrTheCityMay() {
        City c = city();
        JsonPath cityDefault = read(CITY, null);
        int defaultVersion = cityDefault.getInt("version");
        assertThat(cityDefault.getString("districtCode")).isNull();
        assertThat(cityDefault.getString("inherited")).isNull();
        JsonPath inheritedA = read(TestTokens.user("grid-worker").grids("PXSQ-WG01").token(), c.a());
        assertThat(inheritedA.getBoolean("inherited")).isTrue();
        assertThat(inheritedA.getString("districtCode")).isEqualTo(c.a());
        assertThat(inheritedA.getInt("version")).isEqualTo(defaultVersion);
        assertThat(inheritedA.getMap("cadences")).isEqualTo(cityDefault.getMap("cadences"));

        // another district's admin, a district admin on the city default, a community worker: 403
        change(c.adminA(), c.b(), othersGrid("P3D")).statusCode(403).contentType("application/problem+json");
        change(c.adminA(), null, othersGrid("P3D")).statusCode(403).contentType("application/problem+json");
        change(TestTokens.user("district-admin").districts(c.a(), c.b()).token(), null, othersGrid("P3D"))
                .statusCode(403);
        change(TestTokens.user("community-worker").communities(c.communityB()).token(), c.b(), othersGrid("P3D"))
                .statusCode(403);
        assertThat(read(CITY, null).getInt("version")).isEqualTo(defaultVersion);

        // B's first version starts from the city default: what it names changes, the rest carries over
        Map<String, Object> campaignsOnly = Map.of("campaigns", Map.of("greetingGraceDays", 3));
        JsonPath own = change(c.adminB(), c.b(), campaignsOnly).statusCode(200).extract().jsonPath();
        assertThat(own.getBoolean("inherited")).isFalse();
        assertThat(own.getString("changedBy")).isEqualTo("district-admin");
        assertThat(own.getInt("version")).isGreaterThan(defaultVersion);
        assertThat(own.getInt("campaigns.greetingGraceDays")).isEqualTo(3);
        assertThat(own.getInt("campaigns.greetingLeadDays")).isEqualTo(cityDefault.getInt("campaigns.greetingLeadDays"));
        assertThat(own.getMap("cadences")).isEqualTo(cityDefault.getMap("cadences"));
        // a layer given as null needs no cadence any more; the other layers of the risk stay
        Map<String, Object> noUnit = new HashMap<>();
        noUnit.put("UNIT", null);
        JsonPath second = change(CITY, c.b(), Map.of("cadences", Map.of("AGED_80", noUnit))).statusCode(200)
                .body("changedBy", equalTo("city-admin")).body("cadences.AGED_80.UNIT", nullValue())
                .body("cadences.AGED_80.COMMUNITY", equalTo(cityDefault.getString("cadences.AGED_80.COMMUNITY")))
                .body("campaigns.greetingGraceDays", equalTo(3)).extract().jsonPath();
        assertThat(second.getInt("version")).isEqualTo(own.getInt("version") + 1);
        assertThat(read(c.adminA(), c.a()).getBoolean("inherited")).isTrue();
        assertThat(read(c.adminA(), c.b()).getInt("version")).isEqualTo(second.getInt("version"));
        assertThat(read(CITY, null).getInt("version")).isEqualTo(defaultVersion);
    }

    @Test
    void theCitysChangeOfTheDefaultReachesAnInheritingDistrictButNotOneWithItsOwn() {
        City c = city();
        UUID inA = cadreCalledByItsGrid(c.communityA(), 5);
        UUID inB = cadreCalledByItsGrid(c.communityB(), 5);
        change(c.adminB(), c.b(), othersGrid("P3D")).statusCode(200);

        changedTheDefault = true;
        int next = change(CITY, null, othersGrid("P4D")).statusCode(200).body("changedBy", equalTo("city-admin"))
                .body("districtCode", nullValue()).extract().path("version");
        JsonPath a = read(c.adminA(), c.a());
        assertThat(a.getBoolean("inherited")).isTrue();
        assertThat(a.getInt("version")).isEqualTo(next);
        assertThat(a.getString("cadences.OTHERS.GRID")).isEqualTo("P4D");
        assertThat(read(c.adminA(), c.b()).getString("cadences.OTHERS.GRID")).isEqualTo("P3D");
        assertThat(overdue(c.communityA())).containsExactly(inA + "/GRID/1");
        assertThat(overdue(c.communityB())).containsExactly(inB + "/GRID/2");
    }

    @Test
    void aBadChangeIsRefusedNamingEveryBadFieldAndChangesNothing() {
        City c = city();
        int version = read(CITY, c.b()).getInt("version");
        Map<String, Object> others = new HashMap<>();
        others.put("GRID", "P0D");
        others.put("UNIT", "P367D");
        others.put("COMMUNITY", "PT24H");
        others.put("NEIGHBOUR", "P7D");
        Map<String, Object> cadences = new HashMap<>();
        cadences.put("OTHERS", others);
        cadences.put("AGED_90", Map.of("GRID", "P7D"));
        cadences.put("KEY_TARGET", Map.of("GRID", "P1Y1D"));
        Map<String, Object> campaignDefaults = Map.of("greetingLeadDays", 61, "greetingGraceDays", -1,
                "emergencyCutOff", "25:00");
        change(CITY, c.b(), Map.of("cadences", cadences, "campaigns", campaignDefaults)).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("cadences.OTHERS.GRID", "cadences.OTHERS.UNIT",
                        "cadences.OTHERS.COMMUNITY", "cadences.OTHERS.NEIGHBOUR", "cadences.AGED_90",
                        "cadences.KEY_TARGET.GRID", "campaigns.greetingLeadDays", "campaigns.greetingGraceDays",
                        "campaigns.emergencyCutOff"));
        change(CITY, c.b(), Map.of("campaigns", Map.of("emergencyCutOff", "18:00:30"))).statusCode(400)
                .body("violations[0].field", equalTo("campaigns.emergencyCutOff"));
        change(CITY, c.b(), Map.of()).statusCode(400).body("violations[0].field", equalTo("cadences"));
        Map<String, Object> nullRisk = new HashMap<>();
        nullRisk.put("OTHERS", null);
        change(CITY, c.b(), Map.of("cadences", nullRisk)).statusCode(400)
                .body("violations[0].field", equalTo("cadences.OTHERS"));
        // a district this deployment does not hold, or a malformed code: 400 naming districtCode
        for (String bad : new String[] { "QX99", c.communityA(), "QX 01;" }) {
            given().auth().oauth2(CITY).queryParam("districtCode", bad).get(POLICY).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("districtCode"));
            change(CITY, bad, othersGrid("P3D")).statusCode(400).body("violations[0].field", equalTo("districtCode"));
        }
        assertThat(read(CITY, c.b()).getInt("version")).isEqualTo(version);
        assertThat(read(CITY, c.b()).getBoolean("inherited")).isTrue();
        // the periods a month or a year long pass (a year counts 366 days)
        change(c.adminB(), c.b(), Map.of("cadences", Map.of("OTHERS", Map.of("UNIT", "P1Y", "COMMUNITY", "P2W"))))
                .statusCode(200).body("cadences.OTHERS.UNIT", equalTo("P1Y"))
                .body("cadences.OTHERS.COMMUNITY", equalTo("P14D"));
    }

    @Test
    void anEmergencyCampaignWithoutACutOffTakesItsDistrictsAsItIsNow() {
        City c = city();
        LocalDate today = LocalDate.now(DISTRICT_ZONE);
        UUID waitingB = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, c.communityB(),
                c.communityB() + "-WG01", "PDW01"));
        UUID waitingA = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, c.communityA(),
                c.communityA() + "-WG01", "PDW01"));
        change(c.adminB(), c.b(), Map.of("campaigns", Map.of("emergencyCutOff", "09:30"))).statusCode(200)
                .body("campaigns.emergencyCutOff", equalTo("09:30"));
        Map<String, Object> emergency = Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(),
                "endOn", today.plusDays(2).toString());
        String idB = given().auth().oauth2(c.adminB()).contentType(ContentType.JSON).body(emergency)
                .post("/api/v1/campaigns").then().statusCode(201).body("districtCode", equalTo(c.b()))
                .body("cutOff", equalTo("09:30:00")).extract().path("id");
        // the city admin's campaign in A's community belongs to A, which follows the city default
        String idA = given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("type", "EMERGENCY_DAILY", "startOn", today.toString(), "endOn", today.plusDays(2)
                        .toString(), "communityCodes", List.of(c.communityA())))
                .post("/api/v1/campaigns").then().statusCode(201).body("districtCode", equalTo(c.a()))
                .body("cutOff", equalTo(read(CITY, null).getString("campaigns.emergencyCutOff") + ":00"))
                .extract().path("id");

        // at 10:00 B's cadre is unreached past B's cut-off; A's cut-off has not come
        TestClock.CLOCK.set(today.atTime(LocalTime.of(10, 0)).atZone(DISTRICT_ZONE).toInstant());
        campaigns.announceUnreached();
        List<TopicProbe.Received> unreached = TopicProbe.events("visits", "VisitMissed",
                d -> d.path("campaignId").asText().equals(idB), 1, Duration.ofSeconds(20));
        assertThat(unreached.get(0).data().path("cadreId").asText()).isEqualTo(waitingB.toString());
        assertThat(TestDb.queryLong("select count(*) from emergency_miss where cadre_id = ?", waitingA)).isZero();
        assertThat(TestDb.queryLong("select count(*) from emergency_miss where campaign_id = ?",
                UUID.fromString(idA))).isZero();

        // a change of B's policy reaches its running campaign
        change(c.adminB(), c.b(), Map.of("campaigns", Map.of("emergencyCutOff", "11:15"))).statusCode(200);
        given().auth().oauth2(c.adminB()).get("/api/v1/campaigns/" + idB).then().statusCode(200)
                .body("cutOff", equalTo("11:15:00"));
    }

    @Test
    void aGreetingRoundOpensAndCountsByItsDistrictsLeadAndGraceDays() {
        City c = city();
        LocalDate today = LocalDate.now(DISTRICT_ZONE);
        change(c.adminB(), c.b(), Map.of("campaigns", Map.of("greetingLeadDays", 20, "greetingGraceDays", 3)))
                .statusCode(200);
        // turning 85 five days ago: the greeting was due then
        UUID inA = birthdayCadre(c.communityA(), today.minusDays(5).minusYears(85));
        UUID inB = birthdayCadre(c.communityB(), today.minusDays(5).minusYears(85));
        UUID laterInB = birthdayCadre(c.communityB(), today.plusDays(10).minusYears(82));
        Map<String, Object> round = Map.of("type", "BIRTHDAY_80", "startOn", today.minusDays(10).toString(),
                "endOn", today.plusDays(30).toString());
        String roundA = given().auth().oauth2(c.adminA()).contentType(ContentType.JSON).body(round)
                .post("/api/v1/campaigns").then().statusCode(201).body("districtCode", equalTo(c.a()))
                .extract().path("id");
        String roundB = given().auth().oauth2(c.adminB()).contentType(ContentType.JSON).body(round)
                .post("/api/v1/campaigns").then().statusCode(201).body("districtCode", equalTo(c.b()))
                .extract().path("id");
        assertThat(openFrom(c.adminB(), roundB, laterInB)).isEqualTo(today.plusDays(10).minusDays(20));
        assertThat(openFrom(c.adminA(), roundA, inA)).isEqualTo(today.minusDays(5)
                .minusDays(read(CITY, null).getInt("campaigns.greetingLeadDays")));

        // a greeting five days late still counts in A (the default's grace), not in B (three days)
        for (UUID cadre : List.of(inA, inB)) {
            given().auth().oauth2(CITY).contentType(ContentType.JSON)
                    .body(Map.of("cadreId", cadre, "visitedAt", Instant.now().minusSeconds(60).toString(),
                            "channel", "IN_PERSON", "layer", "COMMUNITY", "purpose", "BIRTHDAY"))
                    .post("/api/v1/visits").then().statusCode(201);
        }
        assertThat(status(c.adminA(), roundA, inA)).isEqualTo("DONE");
        assertThat(status(c.adminB(), roundB, inB)).isEqualTo("OPEN");
    }

    static UUID birthdayCadre(String community, LocalDate born) {
        return Profiles.registered(Profiles.born(Profiles.profile(UUID.randomUUID(), 1, community,
                community + "-WG01", "PDW01"), born));
    }

    static Map<String, Object> task(String token, String campaign, UUID cadre) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get("/api/v1/campaigns/" + campaign + "/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(t -> t.get("cadreId").equals(cadre.toString())).findFirst().orElseThrow();
    }

    static LocalDate openFrom(String token, String campaign, UUID cadre) {
        return LocalDate.parse((String) task(token, campaign, cadre).get("openFrom"));
    }

    static String status(String token, String campaign, UUID cadre) {
        return (String) task(token, campaign, cadre).get("status");
    }
}
