package shouwang.volunteer.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.volunteer.Fixtures;

/** The cadre's own paths: its community's activities, enrolment, withdrawal, sign-in, and its time bank. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class MyActivitiesTest {

    static final String WORKER = Activities.worker("SQ1221", "SQ1222");

    @Test
    void aCadreBrowsesItsCommunitysActivitiesEnrolsAndWithdraws() {
        UUID me = Fixtures.activeCadre("SQ1221");
        UUID neighbour = Fixtures.activeCadre("SQ1221");
        String token = Activities.cadreToken(me);
        String open = Activities.create(WORKER, "SQ1221", 2, Activities.pastSessionsAndOneToCome(1));
        String over = Activities.create(WORKER, "SQ1221", 2, List.of(Activities.session(Duration.ofDays(-2), "礼堂")));
        String elsewhere = Activities.create(WORKER, "SQ1222", 2, Activities.pastSessionsAndOneToCome(1));

        given().auth().oauth2(token).get("/api/v1/me/activities?size=500").then().statusCode(200)
                .body("items.id", hasItem(open)).body("items.id", not(hasItem(over)))
                .body("items.id", not(hasItem(elsewhere)))
                .body("items.find { it.id == '" + open + "' }.enrolled", equalTo(false))
                .body("items.find { it.id == '" + open + "' }.nextSession.n", equalTo(2));

        // enrol (no body at all), again is a 409; with a client id a retry is the same enrolment
        String enrolment = given().auth().oauth2(token).post("/api/v1/me/activities/" + open + "/enrolments").then()
                .statusCode(201).body("cadreId", equalTo(me.toString())).extract().path("id");
        given().auth().oauth2(token).post("/api/v1/me/activities/" + open + "/enrolments").then().statusCode(409);
        given().auth().oauth2(token).post("/api/v1/me/activities/" + elsewhere + "/enrolments").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).post("/api/v1/me/activities/" + UUID.randomUUID() + "/enrolments").then()
                .statusCode(404);
        given().auth().oauth2(token).get("/api/v1/me/activities?size=500").then()
                .body("items.find { it.id == '" + open + "' }.enrolled", equalTo(true))
                .body("items.find { it.id == '" + open + "' }.enrolmentId", equalTo(enrolment))
                .body("items.find { it.id == '" + open + "' }.enrolledCount", equalTo(1));

        String theirs = Activities.cadreToken(neighbour);
        UUID clientId = UUID.randomUUID();
        given().auth().oauth2(theirs).contentType(ContentType.JSON).body(Map.of("id", clientId.toString()))
                .post("/api/v1/me/activities/" + open + "/enrolments").then().statusCode(201)
                .body("id", equalTo(clientId.toString()));
        given().auth().oauth2(theirs).contentType(ContentType.JSON).body(Map.of("id", clientId.toString()))
                .post("/api/v1/me/activities/" + open + "/enrolments").then().statusCode(200)
                .body("id", equalTo(clientId.toString()));
        // my client id is not the neighbour's to reuse
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("id", clientId.toString()))
                .post("/api/v1/me/activities/" + open + "/enrolments").then().statusCode(409);

        // the neighbour sees the activity and a count, nothing of me
        String seen = given().auth().oauth2(theirs).get("/api/v1/me/activities?size=500").then().statusCode(200)
                .body("items.find { it.id == '" + open + "' }.enrolmentId", equalTo(clientId.toString()))
                .extract().asString();
        assertFalse(seen.contains(me.toString()), seen);
        assertFalse(seen.contains(enrolment), seen);

        // withdrawing frees my place; a repeat answers the same withdrawn enrolment
        given().auth().oauth2(token).post("/api/v1/me/activities/" + open + "/withdraw").then().statusCode(200)
                .body("id", equalTo(enrolment)).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(token).post("/api/v1/me/activities/" + open + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + open).then().body("enrolledCount", equalTo(1));
        given().auth().oauth2(token).post("/api/v1/me/activities/" + elsewhere + "/withdraw").then().statusCode(404);

        // a cadre token without its cadre_id claim, and staff, reach none of it
        String noCadre = TestTokens.named("cadre-without-id").roles(Roles.CADRE).token();
        given().auth().oauth2(noCadre).get("/api/v1/me/activities").then().statusCode(403);
        given().auth().oauth2(WORKER).get("/api/v1/me/activities").then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/activities").then().statusCode(403);
    }

    @Test
    void aCadreSignsItselfInDuringItsSessionOnly() {
        UUID me = Fixtures.activeCadre("SQ1221");
        String token = Activities.cadreToken(me);
        String activity = Activities.create(WORKER, "SQ1221", 5, List.of(
                Activities.session(Duration.ofMinutes(-30), "健身广场"), Activities.session(Duration.ofDays(7), "健身广场")));
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/sessions/1/sign-in").then()
                .statusCode(404);
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/enrolments").then().statusCode(201);
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/sessions/1/sign-in").then()
                .statusCode(200).body("status", equalTo("PRESENT")).body("cadreId", equalTo(me.toString()));
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/sessions/2/sign-in").then()
                .statusCode(409);
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/sessions/3/sign-in").then()
                .statusCode(404);
        given().auth().oauth2(token).post("/api/v1/me/activities/" + activity + "/sessions/x/sign-in").then()
                .statusCode(400).body("violations.field", hasItem("n"));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + activity + "/sessions/1/attendance").then()
                .body("items[0].status", equalTo("PRESENT")).body("items[0].source", equalTo("SIGN_IN"));
    }

    @Test
    void aCadresHoursAreItsLinkedVolunteersAndZeroWithoutOne() {
        UUID me = Fixtures.activeCadre("SQ1221");
        UUID other = Fixtures.activeCadre("SQ1221");
        String token = Activities.cadreToken(me);
        given().auth().oauth2(token).get("/api/v1/me/hours").then().statusCode(200)
                .body("volunteerId", nullValue()).body("balance", equalTo(0.0f))
                .body("totals.EARNED", equalTo(0.0f)).body("history.total", equalTo(0));

        // the cadre volunteers: a claim by cadreId makes its volunteer account, a verified record earns hours
        String post = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "助老服务岗", "category", "ELDER_HELP", "communityCode", "SQ1221", "capacity", 5))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
        String volunteer = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("cadreId", me.toString())).post("/api/v1/posts/" + post + "/claims").then()
                .statusCode(201).extract().path("volunteerId");
        String record = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", volunteer, "postId", post, "servedOn",
                        LocalDate.now().minusDays(1).toString(), "hours", "2.5"))
                .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(WORKER).post("/api/v1/service-records/" + record + "/verify").then().statusCode(200);

        given().auth().oauth2(token).get("/api/v1/me/hours").then().statusCode(200)
                .body("volunteerId", equalTo(volunteer)).body("balance", equalTo(2.5f))
                .body("totals.EARNED", equalTo(2.5f)).body("history.total", equalTo(1))
                .body("history.items[0].kind", equalTo("EARNED"));
        String theirs = given().auth().oauth2(Activities.cadreToken(other)).get("/api/v1/me/hours").then()
                .statusCode(200).body("volunteerId", nullValue()).body("balance", equalTo(0.0f)).extract().asString();
        assertFalse(theirs.contains(volunteer), theirs);
        assertEquals(403, given().auth().oauth2(WORKER).get("/api/v1/me/hours").statusCode());
    }
}
