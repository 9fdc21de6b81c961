package shouwang.volunteer.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

/** Attendance (签到) of sessions and the flag of three absences in a row (连续三次缺勤). */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class AttendanceTest {

    static final String WORKER = Activities.worker("SQ1211");

    static Map<UUID, String> statuses(String activity, int n) {
        List<Map<String, Object>> items = given().auth().oauth2(WORKER)
                .get("/api/v1/activities/" + activity + "/sessions/" + n + "/attendance?size=500").then()
                .statusCode(200).extract().path("items");
        return items.stream().collect(Collectors.toMap(i -> UUID.fromString((String) i.get("cadreId")),
                i -> (String) i.get("status")));
    }

    @Test
    void recordingASessionMarksEveryEnrolmentAndRecordingItAgainReplacesIt() {
        String activity = Activities.create(WORKER, "SQ1211", 10, Activities.pastSessionsAndOneToCome(2));
        UUID here = Fixtures.activeCadre("SQ1211");
        UUID away = Fixtures.activeCadre("SQ1211");
        Activities.enrol(WORKER, activity, here);
        Activities.enrol(WORKER, activity, away);

        assertEquals(Map.of(here, "UNRECORDED", away, "UNRECORDED"), statuses(activity, 1));
        Activities.record(WORKER, activity, 1, here).statusCode(200).body("present", equalTo(1))
                .body("absent", equalTo(1)).body("session", equalTo(1)).body("flaggedCadreIds", empty());
        assertEquals(Map.of(here, "PRESENT", away, "ABSENT"), statuses(activity, 1));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/sessions/1/attendance").then()
                .body("items.cadreName", hasItem("测试老干部")).body("items.statusLabel", hasItem("缺勤"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity).then()
                .body("sessions[0].attendanceRecordedAt", notNullValue());

        // re-recording replaces, and the same request twice leaves the same attendance
        Activities.record(WORKER, activity, 1, away).statusCode(200);
        Activities.record(WORKER, activity, 1, away).statusCode(200);
        assertEquals(Map.of(here, "ABSENT", away, "PRESENT"), statuses(activity, 1));
        assertEquals(Map.of(here, "UNRECORDED", away, "UNRECORDED"), statuses(activity, 2));

        List<TopicProbe.Received> recorded = TopicProbe.events("volunteering", "AttendanceRecorded",
                data -> activity.equals(data.path("activityId").asText()) && data.path("session").asInt() == 1, 3,
                Duration.ofSeconds(20));
        assertEquals(3, recorded.size(), "three recordings: " + recorded);
        assertEquals(Set.of("activityId", "session", "startsAt", "present", "absent"),
                Fixtures.fields(recorded.get(0).data()));
        assertEquals(activity, recorded.get(0).key());
    }

    @Test
    void attendanceNamesTheBadCadreAndTheUnknownSession() {
        String activity = Activities.create(WORKER, "SQ1211", 10, Activities.pastSessionsAndOneToCome(1));
        UUID enrolled = Fixtures.activeCadre("SQ1211");
        Activities.enrol(WORKER, activity, enrolled);
        Activities.record(WORKER, activity, 1, enrolled, UUID.randomUUID()).statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("presentCadreIds[1]"));
        Activities.record(WORKER, activity, 99, enrolled).statusCode(404);
        Activities.record(WORKER, activity, 0, enrolled).statusCode(404);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("presentCadreIds", List.of()))
                .post("/api/v1/activities/" + activity + "/sessions/abc/attendance").then().statusCode(400)
                .body("violations.field", hasItem("n"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/activities/" + activity + "/sessions/1/attendance").then().statusCode(400)
                .body("violations.field", hasItem("presentCadreIds"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/sessions/99/attendance").then()
                .statusCode(404);
        // session 2 is a week away: not recorded before it starts
        Activities.record(WORKER, activity, 2, enrolled).statusCode(409);
    }

    @Test
    void threeAbsencesInARowFlagOncePerRunAndAPresenceInBetweenStartsANewRun() {
        String activity = Activities.create(WORKER, "SQ1211", 10, Activities.pastSessionsAndOneToCome(8));
        UUID missing = Fixtures.activeCadre("SQ1211");
        UUID faithful = Fixtures.activeCadre("SQ1211");
        UUID patchy = Fixtures.activeCadre("SQ1211");
        String missingEnrolment = Activities.enrol(WORKER, activity, missing);
        Activities.enrol(WORKER, activity, faithful);
        Activities.enrol(WORKER, activity, patchy);

        Activities.record(WORKER, activity, 1, faithful).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 2, faithful).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 3, faithful, patchy).body("flaggedCadreIds", contains(missing.toString()));

        TopicProbe.Received flag = Fixtures.awaitEvent("ActivityAbsenceFlagged", "cadreId", missing);
        assertEquals(missing.toString(), flag.key());
        assertEquals(Set.of("flagId", "cadreId", "activityId", "activityTitle", "activityKind", "lastSessionOn",
                "communityCode", "gridCode", "flaggedAt", "districtCode"), Fixtures.fields(flag.data()));
        String firstFlag = UUID.nameUUIDFromBytes(("activity-absence/" + missingEnrolment + "/3")
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals(firstFlag, flag.data().get("flagId").asText());
        assertEquals(activity, flag.data().get("activityId").asText());
        assertEquals("老年大学书法班", flag.data().get("activityTitle").asText());
        assertEquals("CLASS", flag.data().get("activityKind").asText());
        assertEquals("SQ1211", flag.data().get("communityCode").asText());
        assertEquals("SQ1211-WG01", flag.data().get("gridCode").asText());
        String session3 = given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity).then().extract()
                .path("sessions[2].startsAt");
        assertEquals(LocalDate.ofInstant(Instant.parse(session3), ZoneId.of("Asia/Shanghai")).toString(),
                flag.data().get("lastSessionOn").asText());

        // re-recording session 3 and a fourth absence are the same run: no second flag
        Activities.record(WORKER, activity, 3, faithful, patchy).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 4, faithful).body("flaggedCadreIds", empty());
        // present at 5, then absent 6, 7, 8: a new run, a second flag; patchy's absences never run to three
        Activities.record(WORKER, activity, 5, missing, faithful).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 6, faithful, patchy).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 7, faithful, patchy).body("flaggedCadreIds", empty());
        Activities.record(WORKER, activity, 8, faithful, patchy).body("flaggedCadreIds", contains(missing.toString()));

        List<TopicProbe.Received> flags = TopicProbe.events("volunteering", "ActivityAbsenceFlagged",
                data -> missing.toString().equals(data.path("cadreId").asText()), 2, Duration.ofSeconds(20));
        assertEquals(2, flags.stream().map(f -> f.data().get("flagId").asText()).distinct().count(), "flags: " + flags);
        String secondFlag = UUID.nameUUIDFromBytes(("activity-absence/" + missingEnrolment + "/8")
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertTrue(flags.stream().anyMatch(f -> secondFlag.equals(f.data().get("flagId").asText())), "flags: " + flags);
        for (UUID never : List.of(faithful, patchy)) {
            assertTrue(TopicProbe.events("volunteering", "ActivityAbsenceFlagged",
                    data -> never.toString().equals(data.path("cadreId").asText()), 1, Duration.ofSeconds(2))
                    .isEmpty(), never + " was flagged");
        }
    }

    @Test
    void aCadreWhoDiedLosesItsPlaceAndIsNeitherMarkedNorFlagged() {
        String activity = Activities.create(WORKER, "SQ1211", 1, Activities.pastSessionsAndOneToCome(3));
        UUID cadre = Fixtures.activeCadre("SQ1211");
        String enrolment = Activities.enrol(WORKER, activity, cadre);
        Activities.record(WORKER, activity, 1).body("absent", equalTo(1));
        Fixtures.sendProfile(Fixtures.profile(cadre, 2, "SQ1211", "DECEASED", "FULL", List.of()));
        Fixtures.awaitCadre(cadre, 2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(WORKER)
                .get("/api/v1/activities/" + activity).then().extract().<Integer>path("enrolledCount") == 0);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/enrolments").then()
                .body("items[0].id", equalTo(enrolment)).body("items[0].status", equalTo("WITHDRAWN"));
        Activities.record(WORKER, activity, 2).body("absent", equalTo(0));
        Activities.record(WORKER, activity, 3).body("absent", equalTo(0)).body("flaggedCadreIds", empty());
        // its place is free for another cadre
        Activities.enrol(WORKER, activity, Fixtures.activeCadre("SQ1211"));
    }

    @Test
    void staffSignACadreInAndSignInNeedsAnEnrolment() {
        String activity = Activities.create(WORKER, "SQ1211", 10, Activities.pastSessionsAndOneToCome(1));
        UUID enrolled = Fixtures.activeCadre("SQ1211");
        Activities.enrol(WORKER, activity, enrolled);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("cadreId", enrolled.toString()))
                .post("/api/v1/activities/" + activity + "/sessions/1/sign-in").then().statusCode(200)
                .body("status", equalTo("PRESENT")).body("source", equalTo("SIGN_IN"));
        assertEquals(Map.of(enrolled, "PRESENT"), statuses(activity, 1));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("cadreId", UUID.randomUUID().toString()))
                .post("/api/v1/activities/" + activity + "/sessions/1/sign-in").then().statusCode(400)
                .body("violations.field", hasItem("cadreId"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("cadreId", enrolled.toString()))
                .post("/api/v1/activities/" + activity + "/sessions/7/sign-in").then().statusCode(404);
    }
}
