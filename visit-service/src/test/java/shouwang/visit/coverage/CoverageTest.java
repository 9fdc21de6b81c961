package shouwang.visit.coverage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CoverageTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    CoverageService coverageService;

    record Community(String code, UUID keyTarget, UUID aged85, UUID ordinary) {
    }

    /** A fresh community with a key service target (lives alone), an 85-year-old and a 70-year-old. */
    static Community community() {
        String code = "CV" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> alone = Profiles.profile(UUID.randomUUID(), 1, code, code + "-WG01", "DW001");
        alone.put("livingArrangement", "ALONE");
        alone.put("keyServiceTarget", true);
        Map<String, Object> aged = Profiles.born(Profiles.profile(UUID.randomUUID(), 1, code, code + "-WG02", "DW001"),
                TODAY.minusYears(85));
        Map<String, Object> ordinary = Profiles.born(Profiles.profile(UUID.randomUUID(), 1, code, code + "-WG02", "DW002"),
                TODAY.minusYears(70));
        return new Community(code, Profiles.registered(alone), Profiles.registered(aged), Profiles.registered(ordinary));
    }

    static JsonPath coverage(String token, String community, LocalDate on) {
        return given().auth().oauth2(token).queryParam("communityCode", community).queryParam("on", on.toString())
                .get("/api/v1/coverage").then().statusCode(200).extract().jsonPath();
    }

    static void logVisit(String token, UUID cadreId, String layer, String channel) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", Instant.now().minusSeconds(60).toString(), "channel", channel,
                        "layer", layer, "visitorName", "孙强"))
                .post("/api/v1/visits").then().statusCode(201);
    }

    static List<String> rows(JsonPath coverage) {
        return coverage.getList("items", Map.class).stream()
                .map(i -> i.get("cadreId") + "/" + i.get("risk") + "/" + i.get("layer") + "/" + i.get("daysOverdue"))
                .toList();
    }

    @Test
    void overdueContactsAreListedByRiskThenDaysOverdueWithTotals() {
        Community c = community();
        String admin = TestTokens.districtAdmin();
        logVisit(admin, c.keyTarget(), "GRID", "PHONE");

        assertThat(rows(coverage(admin, c.code(), TODAY.plusDays(10))))
                .containsExactly(c.keyTarget() + "/KEY_TARGET/GRID/3");
        assertThat(rows(coverage(admin, c.code(), TODAY.plusDays(20))))
                .containsExactly(c.keyTarget() + "/KEY_TARGET/GRID/13", c.aged85() + "/AGED_80/GRID/6");

        LocalDate on = TODAY.plusDays(40);
        long communityLate = java.time.temporal.ChronoUnit.DAYS.between(TODAY.plusMonths(1), on);
        JsonPath later = coverage(admin, c.code(), on);
        assertThat(rows(later)).containsExactly(
                c.keyTarget() + "/KEY_TARGET/GRID/33",
                c.keyTarget() + "/KEY_TARGET/COMMUNITY/" + communityLate,
                c.aged85() + "/AGED_80/GRID/26",
                c.aged85() + "/AGED_80/COMMUNITY/" + communityLate,
                c.ordinary() + "/OTHERS/COMMUNITY/" + communityLate);
        assertThat(later.getInt("cadres")).isEqualTo(3);
        assertThat(later.getInt("overdueCadres")).isEqualTo(3);
        assertThat(later.getInt("total")).isEqualTo(5);
        assertThat(later.getInt("byCommunity." + c.code() + ".overdueByLayer.COMMUNITY")).isEqualTo(3);
        assertThat(later.getInt("byGrid." + c.code() + "-WG02.cadres")).isEqualTo(2);
        assertThat(later.getInt("byGrid." + c.code() + "-WG02.overdueByLayer.GRID")).isEqualTo(1);
        assertThat(later.getString("items[0].orgCode")).isEqualTo(c.code() + "-WG01");

        // the unit layer's quarterly and six-monthly cadences
        assertThat(rows(coverage(admin, c.code(), TODAY.plusMonths(3).plusDays(2))))
                .contains(c.keyTarget() + "/KEY_TARGET/UNIT/2", c.aged85() + "/AGED_80/UNIT/2")
                .noneMatch(r -> r.startsWith(c.ordinary() + "/OTHERS/UNIT"));
    }

    @Test
    void aContactResetsTheLayersCadence() {
        Community c = community();
        String admin = TestTokens.districtAdmin();
        assertThat(rows(coverage(admin, c.code(), TODAY.plusDays(40)))).anyMatch(r -> r.startsWith(c.ordinary() + "/OTHERS/COMMUNITY"));
        logVisit(admin, c.ordinary(), "COMMUNITY", "VIDEO");
        assertThat(rows(coverage(admin, c.code(), TODAY.plusDays(25)))).noneMatch(r -> r.startsWith(c.ordinary().toString()));
    }

    @Test
    void aPastDayIsJudgedByTheVisitsLoggedUpToThatDay() {
        Community c = community();
        String admin = TestTokens.districtAdmin();
        // logged today for a visit made 20 days ago (offline device)
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", c.keyTarget(), "visitedAt", Instant.now().minus(Duration.ofDays(20)).toString(),
                        "channel", "IN_PERSON", "layer", "GRID"))
                .post("/api/v1/visits").then().statusCode(201);
        assertThat(rows(coverage(admin, c.code(), TODAY))).contains(c.keyTarget() + "/KEY_TARGET/GRID/13");
        assertThat(rows(coverage(admin, c.code(), TODAY.minusDays(15)))).noneMatch(r -> r.contains("/GRID/"));
        assertThat(rows(coverage(admin, c.code(), TODAY.minusDays(10)))).contains(c.keyTarget() + "/KEY_TARGET/GRID/3");
    }

    @Test
    void scopedUsersSeeOnlyTheirOwnPart() {
        Community c = community();
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ999").token())
                .queryParam("communityCode", c.code()).get("/api/v1/coverage").then().statusCode(403);
        JsonPath grid = coverage(TestTokens.user("grid-worker").grids(c.code() + "-WG02").token(), c.code(),
                TODAY.plusDays(40));
        assertThat(grid.getInt("cadres")).isEqualTo(2);
        assertThat(rows(grid)).noneMatch(r -> r.startsWith(c.keyTarget().toString()));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("on", "next week").get("/api/v1/coverage")
                .then().statusCode(400).body("violations[0].field", equalTo("on"));
    }

    @Test
    void aPairedVolunteersCadenceMakesTheNeighbourLayerRequired() {
        Community c = community();
        TopicProbe.publish("volunteering", c.ordinary().toString(), "PairingCreated", Map.of("pairingId", UUID.randomUUID().toString(),
                "cadreId", c.ordinary().toString(), "volunteerId", UUID.randomUUID().toString(), "volunteerName", "刘芳",
                "volunteerPhone", "13700000000", "cadence", "P7D", "startedOn", TODAY.minusDays(10).toString()));
        String admin = TestTokens.districtAdmin();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> rows(coverage(admin, c.code(), TODAY)).contains(c.ordinary() + "/OTHERS/NEIGHBOUR/3"));

        logVisit(TestTokens.user("volunteer").communities(c.code()).token(), c.ordinary(), "NEIGHBOUR", "IN_PERSON");
        assertThat(rows(coverage(admin, c.code(), TODAY))).noneMatch(r -> r.contains("/NEIGHBOUR/"));
    }

    @Test
    void aNeighbourContactTheRegistryAssignedCountsLikeAPairing() {
        String code = "CN" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> profile = Profiles.born(Profiles.profile(UUID.randomUUID(), 1, code, code + "-WG01",
                "DW001"), TODAY.minusYears(70));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) profile.get("contacts");
        contacts.add(Map.of("layer", "NEIGHBOUR", "name", "周邻", "phone", "13700000009", "orgCode", code + "-WG01"));
        UUID cadre = Profiles.registered(profile);
        String admin = TestTokens.districtAdmin();

        given().auth().oauth2(admin).queryParam("cadreId", cadre).get("/api/v1/contacts").then().statusCode(200)
                .body("findAll { it.layer == 'NEIGHBOUR' }.name", org.hamcrest.Matchers.contains("周邻"));
        // no pairing, yet the neighbour is due a week after the cadre appeared, like a paired volunteer
        assertThat(rows(coverage(admin, code, TODAY.plusDays(6)))).noneMatch(r -> r.contains("/NEIGHBOUR/"));
        assertThat(rows(coverage(admin, code, TODAY.plusDays(8)))).contains(cadre + "/OTHERS/NEIGHBOUR/1");

        // the cadre has been known for ten days: three days overdue today, until the neighbour calls
        shouwang.visit.TestDb.update("update cadre set first_seen_at = now() - interval '10 days' where id = ?", cadre);
        assertThat(rows(coverage(admin, code, TODAY))).contains(cadre + "/OTHERS/NEIGHBOUR/3");
        logVisit(admin, cadre, "NEIGHBOUR", "PHONE");
        assertThat(rows(coverage(admin, code, TODAY))).noneMatch(r -> r.contains("/NEIGHBOUR/"));
    }

    @Test
    void aLapseRaisesRoutineVisitMissedOnce() {
        Community c = community();
        LocalDate on = TODAY.plusDays(10);
        coverageService.raiseLapses(on);
        coverageService.raiseLapses(on);
        List<TopicProbe.Received> missed = TopicProbe.events("visits", "VisitMissed",
                d -> d.path("cadreId").asText().equals(c.keyTarget().toString()), 1, Duration.ofSeconds(20));
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).data().path("kind").asText()).isEqualTo("ROUTINE");
        assertThat(missed.get(0).data().path("layer").asText()).isEqualTo("GRID");
        assertThat(missed.get(0).data().path("orgCode").asText()).isEqualTo(c.code() + "-WG01");
        assertThat(missed.get(0).data().path("daysOverdue").asInt()).isEqualTo(3);
        assertThat(missed.get(0).data().get("level").isNull()).isTrue();
        assertThat(missed.get(0).data().get("taskId").isNull()).isTrue();
    }
}
