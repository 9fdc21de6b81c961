package shouwang.volunteer.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

/** Activities and classes (Issue 12): creating with sessions, scope, enrolment by staff and capacity under load. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ActivityTest {

    static final String WORKER = Activities.worker("SQ1201");
    static final String OTHER_WORKER = Activities.worker("SQ1202");

    @Test
    void aWorkerCreatesAClassWithSessionsNumberedByStartAndItIsAnnounced() {
        // given out of order: numbered 1.. in the order they start
        List<Map<String, Object>> sessions = List.of(Activities.session(Duration.ofDays(14), "二楼教室"),
                Activities.session(Duration.ofDays(7), "一楼教室"));
        String id = Activities.create(WORKER, "SQ1201", 20, sessions);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + id).then().statusCode(200)
                .body("kind", equalTo("CLASS")).body("kindLabel", equalTo("老年大学课程"))
                .body("communityCode", equalTo("SQ1201")).body("capacity", equalTo(20))
                .body("enrolledCount", equalTo(0)).body("remaining", equalTo(20)).body("sessionCount", equalTo(2))
                .body("sessions.n", contains(1, 2)).body("sessions.place", contains("一楼教室", "二楼教室"))
                .body("sessions[0].attendanceRecordedAt", nullValue()).body("teacher", equalTo("王老师"));

        TopicProbe.Received published = Fixtures.awaitEvent("ActivityPublished", "activityId", id);
        assertEquals(id, published.key());
        assertEquals(Set.of("activityId", "title", "kind", "communityCode", "capacity", "sessions", "firstStartsAt",
                "districtCode"),
                Fixtures.fields(published.data()));
        assertEquals(2, published.data().get("sessions").asInt());
        assertEquals("CLASS", published.data().get("kind").asText());

        // a retried create with the same client id is the same activity, 200
        UUID clientId = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Activities.body("SQ1201", 5, sessions));
        body.put("id", clientId.toString());
        body.put("kind", "TEAM");
        Activities.create(WORKER, body).statusCode(201).body("id", equalTo(clientId.toString()))
                .body("kindLabel", equalTo("文体队伍"));
        Activities.create(WORKER, body).statusCode(200).body("id", equalTo(clientId.toString()));
    }

    @Test
    void badActivitiesNameTheFieldIncludingTheSession() {
        List<Map<String, Object>> sessions = new ArrayList<>(Activities.pastSessionsAndOneToCome(2));
        Map<String, Object> backwards = new HashMap<>(sessions.get(2));
        backwards.put("endsAt", "2020-01-01T08:00:00Z");
        sessions.set(2, backwards);
        Activities.create(WORKER, Activities.body("SQ1201", 5, sessions)).statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("sessions[2].endsAt"));

        Map<String, Object> blankPlace = new HashMap<>(sessions.get(0));
        blankPlace.put("place", " ");
        Activities.create(WORKER, Activities.body("SQ1201", 5, List.of(blankPlace))).statusCode(400)
                .body("violations.field", hasItem("sessions[0].place"));
        Activities.create(WORKER, Activities.body("SQ1201", 5, List.of())).statusCode(400)
                .body("violations.field", hasItem("sessions"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(Activities.session(Duration.ofDays(i + 1), "教室"));
        }
        Activities.create(WORKER, Activities.body("SQ1201", 5, tooMany)).statusCode(400)
                .body("violations.field", hasItem("sessions"));
        Activities.create(WORKER, Activities.body("SQ1201", 0, sessions.subList(0, 1))).statusCode(400)
                .body("violations.field", hasItem("capacity"));
        Activities.create(WORKER, Activities.body("SQ1201", 10001, sessions.subList(0, 1))).statusCode(400)
                .body("violations.field", hasItem("capacity"));
        Map<String, Object> knitting = new HashMap<>(Activities.body("SQ1201", 5, sessions.subList(0, 1)));
        knitting.put("kind", "KNITTING");
        Activities.create(WORKER, knitting).statusCode(400).body("violations.field", hasItem("kind"));
        given().auth().oauth2(WORKER).contentType(ContentType.TEXT).body("{}").post("/api/v1/activities").then()
                .statusCode(415);
        given().auth().oauth2(WORKER).get("/api/v1/activities?from=yesterday").then().statusCode(400)
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(WORKER).get("/api/v1/activities?kind=KNITTING").then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/not-an-id").then().statusCode(400)
                .body("violations.field", hasItem("id"));
    }

    @Test
    void activitiesAreSeenAndRunOnlyWithinTheCallersCommunities() {
        String mine = Activities.create(WORKER, "SQ1201", 5, Activities.pastSessionsAndOneToCome(1));
        String theirs = Activities.create(OTHER_WORKER, "SQ1202", 5, Activities.pastSessionsAndOneToCome(1));
        Activities.create(WORKER, Activities.body("SQ1202", 5, Activities.pastSessionsAndOneToCome(1)))
                .statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(WORKER).get("/api/v1/activities?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(WORKER).get("/api/v1/activities?communityCode=SQ1202").then().statusCode(403);
        given().auth().oauth2(WORKER).get("/api/v1/activities?communityCode=SQ1201&kind=CLASS&size=500").then()
                .statusCode(200).body("items.id", hasItem(mine));
        given().auth().oauth2(WORKER).get("/api/v1/activities?communityCode=SQ1201&kind=EVENT&size=500").then()
                .statusCode(200).body("items.id", not(hasItem(mine)));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + theirs).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + theirs + "/enrolments").then().statusCode(404);

        // a volunteer reads its token's communities' activities
        String volunteer = TestTokens.named("volunteer-1201").roles("volunteer").communities("SQ1201").token();
        given().auth().oauth2(volunteer).get("/api/v1/activities?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(volunteer).get("/api/v1/activities/" + theirs).then().statusCode(404);

        // enrolling and recording in another community's activity: 403
        UUID theirCadre = Fixtures.activeCadre("SQ1202");
        Activities.enrol(WORKER, theirs, Map.of("cadreId", theirCadre.toString())).statusCode(403);
        Activities.record(WORKER, theirs, 1).statusCode(403);

        // the district admin sees both, and a date window narrows the list
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).get("/api/v1/activities?communityCode=SQ1202&size=500").then().statusCode(200)
                .body("items.id", hasItem(theirs));
        String farAway = java.time.LocalDate.now().plusYears(3).toString();
        given().auth().oauth2(admin).get("/api/v1/activities?communityCode=SQ1202&from=" + farAway).then()
                .statusCode(200).body("items.id", not(hasItem(theirs)));
        String today = java.time.LocalDate.now().toString();
        given().auth().oauth2(admin).get("/api/v1/activities?communityCode=SQ1202&from=" + today + "&to=" + today)
                .then().statusCode(200).body("items.id", hasItem(theirs));
    }

    @Test
    void staffEnrolActiveCadresOfTheCommunityOnceEach() {
        String activity = Activities.create(WORKER, "SQ1201", 10, Activities.pastSessionsAndOneToCome(1));
        UUID cadre = Fixtures.activeCadre("SQ1201");
        UUID clientId = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", clientId.toString(), "cadreId", cadre.toString());
        Activities.enrol(WORKER, activity, body).statusCode(201).body("id", equalTo(clientId.toString()))
                .body("status", equalTo("ACTIVE")).body("cadreName", equalTo("测试老干部"));
        Activities.enrol(WORKER, activity, body).statusCode(200).body("id", equalTo(clientId.toString()));
        Activities.enrol(WORKER, activity, Map.of("cadreId", cadre.toString())).statusCode(409)
                .contentType("application/problem+json");

        TopicProbe.Received enrolled = Fixtures.awaitEvent("ActivityEnrolled", "enrolmentId", clientId);
        assertEquals(cadre.toString(), enrolled.key());
        assertEquals(Set.of("activityId", "enrolmentId", "cadreId", "enrolledCount", "capacity"),
                Fixtures.fields(enrolled.data()));
        assertEquals(1, enrolled.data().get("enrolledCount").asInt());

        Activities.enrol(WORKER, activity, Map.of("cadreId", UUID.randomUUID().toString())).statusCode(400)
                .body("violations.field", hasItem("cadreId"));
        UUID elsewhere = Fixtures.activeCadre("SQ1202");
        Activities.enrol(WORKER, activity, Map.of("cadreId", elsewhere.toString())).statusCode(400)
                .body("violations.field", hasItem("cadreId"));
        UUID deceased = Fixtures.cadre("SQ1201", "DECEASED", "FULL");
        Activities.enrol(WORKER, activity, Map.of("cadreId", deceased.toString())).statusCode(409);
        Activities.enrol(WORKER, activity, Map.of()).statusCode(400).body("violations.field", hasItem("cadreId"));

        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/enrolments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].cadreId", equalTo(cadre.toString()));

        // withdrawing frees the place; the cadre may enrol again
        given().auth().oauth2(WORKER).post("/api/v1/activities/" + activity + "/enrolments/" + clientId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity).then().body("enrolledCount", equalTo(0));
        given().auth().oauth2(WORKER).post("/api/v1/activities/" + activity + "/enrolments/" + UUID.randomUUID()
                + "/withdraw").then().statusCode(404);
        Activities.enrol(WORKER, activity, cadre);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/enrolments?status=ACTIVE").then()
                .body("total", equalTo(1));
    }

    @Test
    void anActivityWhoseSessionsAreAllOverTakesNoEnrolment() {
        String over = Activities.create(WORKER, "SQ1201", 10,
                List.of(Activities.session(Duration.ofDays(-3), "操场")));
        Activities.enrol(WORKER, over, Map.of("cadreId", Fixtures.activeCadre("SQ1201").toString()))
                .statusCode(409);
    }

    @Test
    void concurrentEnrolmentsFillExactlyTheCapacityAndTheRestAreRefused() throws Exception {
        int capacity = 4;
        int cadres = 16;
        String activity = Activities.create(WORKER, "SQ1201", capacity, Activities.pastSessionsAndOneToCome(0));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < cadres; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Fixtures.sendProfile(Fixtures.profile(id, 1, "SQ1201", "ACTIVE", "FULL", List.of()));
        }
        ids.forEach(id -> Fixtures.awaitCadre(id, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (UUID id : ids) {
                calls.add(() -> given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                        .body(Map.of("cadreId", id.toString()))
                        .post("/api/v1/activities/" + activity + "/enrolments").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertEquals(capacity, statuses.stream().filter(s -> s == 201).count(), "enrolments accepted: " + statuses);
            assertEquals(cadres - capacity, statuses.stream().filter(s -> s == 409).count(),
                    "enrolments refused: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity).then()
                .body("enrolledCount", equalTo(capacity)).body("remaining", equalTo(0));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/enrolments?status=ACTIVE").then()
                .body("total", equalTo(capacity));
    }
}
