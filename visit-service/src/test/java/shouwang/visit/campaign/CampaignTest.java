package shouwang.visit.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.visit.Profiles;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CampaignTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static String newCommunity() {
        return "CP" + UUID.randomUUID().toString().substring(0, 6);
    }

    static UUID cadre(String community, LocalDate birthDate) {
        return Profiles.registered(Profiles.born(
                Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG01", "DW001"), birthDate));
    }

    static JsonPath create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/campaigns")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath coverage(String id, LocalDate on) {
        var request = given().auth().oauth2(TestTokens.districtAdmin());
        if (on != null) {
            request.queryParam("on", on.toString());
        }
        return request.get("/api/v1/campaigns/" + id + "/coverage").then().statusCode(200).extract().jsonPath();
    }

    static void visit(UUID cadreId, String layer) {
        visit(Map.of("cadreId", cadreId, "visitedAt", Instant.now().minusSeconds(30).toString(),
                "channel", "PHONE", "layer", layer));
    }

    static JsonPath visit(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/visits").then().statusCode(201).extract().jsonPath();
    }

    static void greetingVisit(UUID cadreId, String layer, String purpose) {
        visit(Map.of("cadreId", cadreId, "visitedAt", Instant.now().minusSeconds(30).toString(),
                "channel", "IN_PERSON", "layer", layer, "purpose", purpose));
    }

    @Test
    void emergencyModeListsWhoHasNotBeenReachedToday() {
        String community = newCommunity();
        UUID reached = cadre(community, LocalDate.of(1945, 5, 1));
        UUID waiting = cadre(community, LocalDate.of(1950, 6, 1));
        String worker = TestTokens.user("community-worker").communities(community).token();
        String id = create(worker, Map.of("type", "EMERGENCY_DAILY", "startOn", TODAY.toString(),
                "endOn", TODAY.plusDays(2).toString())).getString("id");

        JsonPath before = coverage(id, TODAY);
        assertThat(before.getInt("total")).isEqualTo(2);
        assertThat(before.getInt("reached")).isZero();

        visit(reached, "GRID");
        JsonPath after = coverage(id, TODAY);
        assertThat(after.getInt("reached")).isEqualTo(1);
        assertThat(after.getList("pending.cadreId")).containsExactly(waiting.toString());
        assertThat(after.getInt("byCommunity." + community + ".total")).isEqualTo(2);
        assertThat(after.getInt("byCommunity." + community + ".reached")).isEqualTo(1);
        // the next day starts from nobody reached
        assertThat(coverage(id, TODAY.plusDays(1)).getInt("reached")).isZero();
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("on", TODAY.plusDays(5).toString())
                .get("/api/v1/campaigns/" + id + "/coverage").then().statusCode(400)
                .body("violations[0].field", equalTo("on"));
    }

    @Test
    void aSpringFestivalRoundMakesTasksForCommunityAndUnitOnTheLunarNewYear() {
        String community = newCommunity();
        cadre(community, LocalDate.of(1945, 5, 1));
        cadre(community, LocalDate.of(1950, 6, 1));
        JsonPath campaign = create(TestTokens.districtAdmin(), Map.of("type", "SPRING_FESTIVAL", "year", 2027,
                "communityCodes", List.of(community)));
        assertThat(campaign.getString("startOn")).isEqualTo("2027-02-06");
        assertThat(campaign.getString("name")).isEqualTo("2027年春节走访慰问");
        assertThat(campaign.getInt("tasks")).isEqualTo(4);

        JsonPath progress = coverage(campaign.getString("id"), null);
        assertThat(progress.getInt("total")).isEqualTo(4);
        assertThat(progress.getInt("reached")).isZero();
        assertThat(progress.getList("pending.layer")).containsOnly("COMMUNITY", "UNIT");
        assertThat(progress.getList("pending.dueOn")).containsOnly("2027-02-06");
        assertThat(progress.getInt("byCommunity." + community + ".total")).isEqualTo(4);
    }

    @Test
    void aBirthdayRoundGreetsCadresTurningEightyOrMoreAndCountsTheVisit() {
        String community = newCommunity();
        UUID turning85 = cadre(community, TODAY.minusYears(85));
        cadre(community, TODAY.minusYears(66));
        cadre(community, TODAY.minusYears(90).plusDays(60)); // birthday outside the range
        String worker = TestTokens.user("community-worker").communities(community).token();
        Map<String, Object> body = new HashMap<>(Map.of("type", "BIRTHDAY_80", "startOn", TODAY.toString(),
                "endOn", TODAY.plusDays(30).toString(), "id", UUID.randomUUID().toString()));
        JsonPath campaign = create(worker, body);
        assertThat(campaign.getInt("tasks")).isEqualTo(1);
        assertThat(campaign.getList("communityCodes")).containsExactly(community);
        // the same client id again: the same campaign
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(body).post("/api/v1/campaigns")
                .then().statusCode(200).body("id", equalTo(campaign.getString("id")));

        assertThat(coverage(campaign.getString("id"), null).getList("pending.cadreId")).containsExactly(turning85.toString());
        greetingVisit(turning85, "COMMUNITY", "BIRTHDAY");
        JsonPath progress = coverage(campaign.getString("id"), null);
        assertThat(progress.getInt("reached")).isEqualTo(1);
        assertThat(progress.getList("pending")).isEmpty();
    }

    @Test
    void aGreetingRoundHasAWorklistPerScopeThatAVisitTicksOff() {
        String community = newCommunity();
        String other = newCommunity();
        UUID first = cadre(community, TODAY.plusDays(3).minusYears(82));
        UUID second = cadre(community, TODAY.plusDays(10).minusYears(91));
        cadre(other, TODAY.plusDays(5).minusYears(80));
        JsonPath campaign = create(TestTokens.districtAdmin(), Map.of("type", "BIRTHDAY_80", "startOn", TODAY.toString(),
                "endOn", TODAY.plusDays(30).toString(), "communityCodes", List.of(community, other)));
        String tasksPath = "/api/v1/campaigns/" + campaign.getString("id") + "/tasks";
        String worker = TestTokens.user("community-worker").communities(community).token();

        JsonPath mine = given().auth().oauth2(worker).get(tasksPath).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getInt("total")).isEqualTo(2);
        assertThat(mine.getList("items.cadreId")).containsExactly(first.toString(), second.toString());
        assertThat(mine.getList("items.status")).containsOnly("OPEN");
        given().auth().oauth2(TestTokens.districtAdmin()).get(tasksPath).then().statusCode(200)
                .body("total", equalTo(3));

        greetingVisit(first, "COMMUNITY", "BIRTHDAY");
        given().auth().oauth2(worker).queryParam("status", "OPEN").get(tasksPath).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].cadreId", equalTo(second.toString()));
        given().auth().oauth2(worker).queryParam("status", "DONE").get(tasksPath).then().statusCode(200)
                .body("items[0].cadreId", equalTo(first.toString())).body("items[0].visitId", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(worker).queryParam("dueBy", TODAY.plusDays(5).toString()).get(tasksPath).then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(worker).queryParam("status", "LOST").get(tasksPath).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void aGreetingTaskIsTickedOffOnlyByAVisitMadeForIt() {
        String community = newCommunity();
        UUID first = cadre(community, TODAY.plusDays(2).minusYears(85));
        UUID second = cadre(community, TODAY.plusDays(4).minusYears(88));
        JsonPath campaign = create(TestTokens.districtAdmin(), Map.of("type", "BIRTHDAY_80", "startOn", TODAY.toString(),
                "endOn", TODAY.plusDays(30).toString(), "communityCodes", List.of(community)));
        String tasksPath = "/api/v1/campaigns/" + campaign.getString("id") + "/tasks";
        List<Map<String, Object>> tasks = given().auth().oauth2(TestTokens.districtAdmin()).get(tasksPath).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(tasks).extracting(t -> t.get("purpose")).containsOnly("BIRTHDAY");

        // a routine call by the same layer on the way is a routine call
        JsonPath routine = visit(Map.of("cadreId", first, "visitedAt", Instant.now().minusSeconds(60).toString(),
                "channel", "PHONE", "layer", "COMMUNITY"));
        assertThat(routine.getString("purpose")).isEqualTo("ROUTINE");
        assertThat(routine.getBoolean("taskCompleted")).isFalse();
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("status", "OPEN").get(tasksPath).then()
                .statusCode(200).body("total", equalTo(2));

        // naming the task ticks it off (and the visit takes the task's purpose)
        Object secondTask = tasks.stream().filter(t -> t.get("cadreId").equals(second.toString())).findFirst()
                .orElseThrow().get("id");
        JsonPath named = visit(Map.of("cadreId", second, "visitedAt", Instant.now().minusSeconds(30).toString(),
                "channel", "IN_PERSON", "taskId", secondTask));
        assertThat(named.getString("purpose")).isEqualTo("BIRTHDAY");
        assertThat(named.getString("layer")).isEqualTo("COMMUNITY");
        assertThat(named.getBoolean("taskCompleted")).isTrue();
        // so does a visit whose purpose is the greeting's
        greetingVisit(first, "COMMUNITY", "BIRTHDAY");
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("status", "DONE").get(tasksPath).then()
                .statusCode(200).body("total", equalTo(2));
        // a task of another cadre is refused naming the field
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cadreId", first, "visitedAt", Instant.now().toString(), "channel", "PHONE",
                        "taskId", secondTask))
                .post("/api/v1/visits").then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("taskId"));
    }

    @Test
    void campaignsAreCheckedAgainstTheCallersScope() {
        String worker = TestTokens.user("community-worker").communities("SQ001").token();
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("type", "DOUBLE_NINTH", "communityCodes", List.of("SQ002")))
                .post("/api/v1/campaigns").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("grid-worker").grids("SQ001-WG01").token()).contentType(ContentType.JSON)
                .body(Map.of("type", "DOUBLE_NINTH")).post("/api/v1/campaigns").then().statusCode(403);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("type", "EMERGENCY_DAILY"))
                .post("/api/v1/campaigns").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("startOn", "endOn"));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("type", "HARVEST_FESTIVAL"))
                .post("/api/v1/campaigns").then().statusCode(400).body("violations[0].field", equalTo("type"));
    }

    @Test
    void aNullBodyOrAFieldGivenTwiceIsRefusedNamingTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("null")
                .post("/api/v1/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"type\":\"EMERGENCY_DAILY\",\"type\":\"BIRTHDAY_80\"}").post("/api/v1/campaigns").then()
                .statusCode(400).body("violations[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("{\"type\":0}")
                .post("/api/v1/campaigns").then().statusCode(400).body("violations[0].field", equalTo("type"));
    }
}
