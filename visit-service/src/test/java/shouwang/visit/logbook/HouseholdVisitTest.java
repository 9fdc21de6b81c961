package shouwang.visit.logbook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import shouwang.visit.TestDb;

/** 两老同住: one visit logged for a household records it for every member, each record a visit like any other. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class HouseholdVisitTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String SQ001_WORKER = TestTokens.user("community-worker").communities("SQ001").token();

    record Household(UUID id, UUID named, UUID member) {
    }

    /** Two cadres living together, registered (the read model holds both, each naming the other). */
    static Household household(String namedCommunity, String memberCommunity) {
        Map<String, Object> named = Profiles.profile(UUID.randomUUID(), 1, namedCommunity, namedCommunity + "-WG01",
                "DW001");
        Map<String, Object> member = Profiles.profile(UUID.randomUUID(), 1, memberCommunity,
                memberCommunity + "-WG01", "DW002");
        member.put("name", "李秀英");
        UUID householdId = Profiles.household(List.of(named, member));
        return new Household(householdId, Profiles.registered(named), Profiles.registered(member));
    }

    static Map<String, Object> visit(UUID cadreId, String layer) {
        Map<String, Object> body = new HashMap<>();
        body.put("cadreId", cadreId);
        body.put("visitedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("channel", "IN_PERSON");
        body.put("layer", layer);
        body.put("visitorName", "赵敏");
        body.put("household", true);
        return body;
    }

    static UUID memberVisitId(UUID visitId, UUID memberId) {
        return UUID.nameUUIDFromBytes((visitId + "/" + memberId).getBytes(StandardCharsets.UTF_8));
    }

    static long visitsOf(UUID cadreId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId).get("/api/v1/visits")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    static long visitLoggedRows(UUID... visitIds) {
        long rows = 0;
        for (UUID id : visitIds) {
            rows += TestDb.queryLong("select count(*) from outbox_event where event_type = 'shouwang.VisitLogged.v1' "
                    + "and cast(payload as jsonb) ->> 'visitId' = ?", id.toString());
        }
        return rows;
    }

    @Test
    void aHouseholdVisitRecordsOneVisitPerMemberEachAnnouncedAndARetryRecordsNothingTwice() {
        Household h = household("SQ001", "SQ001");
        UUID id = UUID.randomUUID();
        UUID memberVisit = memberVisitId(id, h.member());
        Map<String, Object> body = visit(h.named(), "COMMUNITY");
        body.put("id", id);
        body.put("notes", "老两口身体都还好");
        body.put("healthStatus", "FAIR");
        body.put("healthNotes", "血压偏高");
        body.put("needs", List.of(Map.of("description", "需要助餐服务")));

        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(body).post("/api/v1/visits")
                .then().statusCode(201).body("id", equalTo(id.toString()))
                .body("cadreId", equalTo(h.named().toString()))
                .body("householdVisitIds", contains(memberVisit.toString()))
                .body("healthStatus", equalTo("FAIR"));

        // the member's record: the same visit, without the named cadre's health notes and needs
        given().auth().oauth2(SQ001_WORKER).get("/api/v1/visits/{id}", memberVisit).then().statusCode(200)
                .body("cadreId", equalTo(h.member().toString())).body("layer", equalTo("COMMUNITY"))
                .body("channel", equalTo("IN_PERSON")).body("visitorName", equalTo("赵敏"))
                .body("notes", equalTo("老两口身体都还好")).body("contacted", equalTo(true))
                .body("purpose", equalTo("ROUTINE")).body("healthStatus", nullValue())
                .body("healthNotes", nullValue()).body("issueIds", empty()).body("householdOf", equalTo(id.toString()))
                .body("householdVisitIds", empty()).body("unitCode", equalTo("DW002"));
        given().auth().oauth2(SQ001_WORKER).queryParam("cadreId", h.member()).get("/api/v1/issues")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ002").token())
                .get("/api/v1/visits/{id}", memberVisit).then().statusCode(404);

        List<TopicProbe.Received> logged = TopicProbe.events("visits", "VisitLogged",
                d -> Set.of(id.toString(), memberVisit.toString()).contains(d.path("visitId").asText()), 2, WAIT);
        assertThat(logged).hasSize(2);
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(h.member().toString());
            assertThat(r.data().path("cadreId").asText()).isEqualTo(h.member().toString());
            assertThat(r.data().path("householdOf").asText()).isEqualTo(id.toString());
            assertThat(r.data().path("unitCode").asText()).isEqualTo("DW002");
        });
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(h.named().toString());
            assertThat(r.data().path("healthStatus").asText()).isEqualTo("FAIR");
        });

        // an offline device sends it again: the same records, nothing twice
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(body).post("/api/v1/visits")
                .then().statusCode(200).body("id", equalTo(id.toString()))
                .body("householdVisitIds", contains(memberVisit.toString()));
        assertThat(visitsOf(h.named())).isEqualTo(1);
        assertThat(visitsOf(h.member())).isEqualTo(1);
        assertThat(visitLoggedRows(id, memberVisit)).isEqualTo(2);

        // a visit without "household" stays the named cadre's alone
        Map<String, Object> alone = visit(h.named(), "GRID");
        alone.remove("household");
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(alone).post("/api/v1/visits")
                .then().statusCode(201).body("householdVisitIds", empty());
        assertThat(visitsOf(h.member())).isEqualTo(1);
    }

    @Test
    void aMemberOutsideTheCallersScopeIsA403AndNothingIsRecorded() {
        Household h = household("SQ001", "SQ002");
        UUID id = UUID.randomUUID();
        Map<String, Object> body = visit(h.named(), "COMMUNITY");
        body.put("id", id);
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(body).post("/api/v1/visits")
                .then().statusCode(403);
        assertThat(visitsOf(h.named())).isZero();
        assertThat(visitsOf(h.member())).isZero();
        assertThat(visitLoggedRows(id, memberVisitId(id, h.member()))).isZero();

        // the district admin covers both
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/visits").then().statusCode(201)
                .body("householdVisitIds", contains(memberVisitId(id, h.member()).toString()));
        assertThat(visitsOf(h.member())).isEqualTo(1);
    }

    @Test
    void aHouseholdVisitForACadreWithoutAHouseholdOrWithAMemberNotHeldIsA400OnHousehold() {
        UUID single = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(visit(single, "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("household"));

        // the registry names a member whose profile has not reached visit-service yet
        Map<String, Object> waiting = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        waiting.put("householdId", UUID.randomUUID().toString());
        waiting.put("householdMemberIds", List.of(UUID.randomUUID().toString()));
        UUID cadreId = Profiles.registered(waiting);
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(visit(cadreId, "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(400).body("violations.field", contains("household"));

        // the only other member died: no one to record it for
        Map<String, Object> widow = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        Map<String, Object> late = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        late.put("status", "DECEASED");
        Profiles.household(List.of(widow, late));
        Profiles.registered(late);
        UUID widowId = Profiles.registered(widow);
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(visit(widowId, "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(400).body("violations.field", contains("household"));
        Map<String, Object> notABoolean = visit(widowId, "COMMUNITY");
        notABoolean.put("household", "both");
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(notABoolean)
                .post("/api/v1/visits").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("household"));
        assertThat(visitsOf(widowId)).isZero();

        // a cadre not held at all
        given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(visit(UUID.randomUUID(), "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(400).body("violations.field", hasItem("household"));
        assertThat(visitsOf(single)).isZero();
        assertThat(visitsOf(cadreId)).isZero();
    }

    static List<Map<String, Object>> tasks(UUID cadreId, String purpose) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId)
                .queryParam("purpose", purpose).get("/api/v1/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @Test
    void theNamedTaskIsTheNamedCadresAndEachMembersStudyDeliveryTaskClosesByThePurpose() {
        Household h = household("SQ001", "SQ001");
        UUID sessionId = UUID.randomUUID();
        TopicProbe.publish("party-branches", "DZB-SQ001", "StudySessionHeld", Map.of("sessionId", sessionId.toString(),
                "branchCode", "DZB-SQ001", "branchName", "SQ001离退休综合党支部", "communityCode", "SQ001",
                "topic", "学习二十届四中全会精神", "heldOn", TODAY.toString(), "attendeeIds", List.of(),
                "absenteeIds", List.of(h.named().toString(), h.member().toString()),
                "recordedAt", Instant.now().toString()));
        Awaitility.await().atMost(WAIT).until(() -> tasks(h.named(), "STUDY_DELIVERY").size() == 1
                && tasks(h.member(), "STUDY_DELIVERY").size() == 1);
        String namedTask = (String) tasks(h.named(), "STUDY_DELIVERY").get(0).get("id");
        String memberTask = (String) tasks(h.member(), "STUDY_DELIVERY").get(0).get("id");

        // the purpose comes from the named task; the layer too
        Map<String, Object> body = visit(h.named(), null);
        body.remove("layer");
        body.put("taskId", namedTask);
        String memberVisit = given().auth().oauth2(SQ001_WORKER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/visits").then().statusCode(201).body("taskId", equalTo(namedTask))
                .body("taskCompleted", equalTo(true)).body("purpose", equalTo("STUDY_DELIVERY"))
                .extract().path("householdVisitIds[0]");

        Map<String, Object> done = tasks(h.member(), "STUDY_DELIVERY").get(0);
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("visitId")).isEqualTo(memberVisit);
        assertThat(tasks(h.named(), "STUDY_DELIVERY").get(0).get("status")).isEqualTo("DONE");
        given().auth().oauth2(SQ001_WORKER).get("/api/v1/visits/{id}", memberVisit).then().statusCode(200)
                .body("taskId", nullValue()).body("purpose", equalTo("STUDY_DELIVERY"));
        assertThat(TopicProbe.events("visits", "MustVisitTaskCompleted",
                d -> d.path("taskId").asText().equals(memberTask), 1, WAIT)).hasSize(1);
        // the study session shows both delivered
        given().auth().oauth2(SQ001_WORKER).get("/api/v1/study-sessions/{id}/coverage", sessionId).then()
                .statusCode(200).body("delivered", equalTo(2)).body("pending", equalTo(0));
    }

    @Test
    void coverageRowsNameTheHouseholdAndAHouseholdVisitCountsForBoth() {
        String community = "HH" + UUID.randomUUID().toString().substring(0, 6);
        UUID loner = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG01",
                "DW001"));
        Household h = household(community, community);
        // all three first seen 40 days ago: the monthly COMMUNITY contact is 10 days late for each
        TestDb.update("update cadre set first_seen_at = now() - interval '40 days' where community_code = ?", community);
        String admin = TestTokens.districtAdmin();

        JsonPath coverage = given().auth().oauth2(admin).queryParam("communityCode", community)
                .get("/api/v1/coverage").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = coverage.getList("items");
        assertThat(items).filteredOn(i -> i.get("cadreId").equals(h.named().toString())).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.get("householdId")).isEqualTo(h.id().toString());
                    assertThat(i.get("householdMemberIds")).isEqualTo(List.of(h.member().toString()));
                });
        assertThat(items).filteredOn(i -> i.get("cadreId").equals(h.member().toString())).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.get("householdId")).isEqualTo(h.id().toString());
                    assertThat(i.get("householdMemberIds")).isEqualTo(List.of(h.named().toString()));
                });
        assertThat(items).filteredOn(i -> i.get("cadreId").equals(loner.toString())).isNotEmpty()
                .allSatisfy(i -> {
                    assertThat(i.get("householdId")).isNull();
                    assertThat(i.get("householdMemberIds")).isEqualTo(List.of());
                });
        // alike in risk and lateness, the two of a household are listed next to each other
        List<String> overdue = items.stream().filter(i -> "COMMUNITY".equals(i.get("layer")))
                .map(i -> (String) i.get("cadreId")).toList();
        assertThat(overdue).hasSize(3);
        assertThat(Math.abs(overdue.indexOf(h.named().toString()) - overdue.indexOf(h.member().toString())))
                .isEqualTo(1);

        // one visit for the household: neither of the two is overdue any more, the cadre of no household still is
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(visit(h.member(), "COMMUNITY"))
                .post("/api/v1/visits").then().statusCode(201);
        List<String> after = given().auth().oauth2(admin).queryParam("communityCode", community)
                .get("/api/v1/coverage").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(i -> "COMMUNITY".equals(i.get("layer"))).map(i -> (String) i.get("cadreId")).toList();
        assertThat(after).containsExactly(loner.toString());
    }
}
