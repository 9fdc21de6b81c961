package shouwang.volunteer;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.TestTokens;

/**
 * Real rows of every kind volunteer-service holds, in one placement, made through the real REST API by a district
 * admin (and the cadre over {@code cadre-profiles}, as registry sends it), so the hostile suites name rows that exist.
 */
public record HostileRows(UUID cadre, String post, String claim, String volunteer, String record, String team,
        String pairing, String provider, String request, String activity, String enrolment) {

    /** A community, one of its grids and a unit of the cadre's original work unit. */
    /**
     * {@code claimant}: the volunteer login that claims the post, so the claim, the volunteer, its record, hours and
     * pairing are that login's own rows (a volunteer acts for itself: only its own rows are "in scope" for it).
     */
    public static HostileRows seed(String community, String grid, String unit, String phone, String claimant) {
        String admin = TestTokens.districtAdmin();
        UUID cadre = UUID.randomUUID();
        Map<String, Object> profile = new HashMap<>(Fixtures.profile(cadre, 1, community, "ACTIVE", "FULL",
                List.of("WIDOWED_CHILDLESS")));
        profile.put("gridCode", grid);
        profile.put("unitCode", unit);
        Fixtures.sendProfile(profile);
        Fixtures.awaitCadre(cadre, 1);
        String post = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "助老陪护岗", "category", "ELDER_HELP", "communityCode", community, "gridCode", grid,
                        "capacity", 50))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
        var claim = given().auth().oauth2(claimant).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "李秀英", "phone", phone))
                .post("/api/v1/posts/" + post + "/claims").then().statusCode(201).extract();
        String volunteer = claim.path("volunteerId");
        String record = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", volunteer, "postId", post, "servedOn", "2026-01-05", "hours", 2))
                .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
        String team = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "银发先锋队", "category", "ELDER_HELP", "communityCode", community, "members",
                        List.of(Map.of("volunteerId", volunteer))))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String pairing = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString(), "volunteerId", volunteer))
                .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
        String provider = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "安心家政服务社", "serviceTypes", List.of("HOUSEKEEPING", "MEDICAL_ESCORT"),
                        "communityCodes", List.of(community), "phone", "0571-88880000"))
                .post("/api/v1/providers").then().statusCode(201).extract().path("id");
        String request = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString(), "serviceType", "HOUSEKEEPING", "details", "每周打扫一次"))
                .post("/api/v1/service-requests").then().statusCode(201).extract().path("id");
        // an activity with a session held yesterday (attendance recorded) and one to come (so it takes enrolments)
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        String activity = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "老年大学书法班", "kind", "CLASS", "communityCode", community, "capacity", 30,
                        "teacher", "张老师", "sessions", List.of(
                                Map.of("startsAt", yesterday.toString(),
                                        "endsAt", yesterday.plus(Duration.ofHours(2)).toString(), "place", "活动室"),
                                Map.of("startsAt", nextWeek.toString(),
                                        "endsAt", nextWeek.plus(Duration.ofHours(2)).toString(), "place", "活动室"))))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String enrolment = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString()))
                .post("/api/v1/activities/" + activity + "/enrolments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("presentCadreIds", List.of(cadre.toString())))
                .post("/api/v1/activities/" + activity + "/sessions/1/attendance").then().statusCode(200);
        return new HostileRows(cadre, post, claim.path("id"), volunteer, record, team, pairing, provider, request,
                activity, enrolment);
    }

    /** Every id of these rows, to search a list answer for. */
    public List<String> ids() {
        return List.of(cadre.toString(), post, claim, volunteer, record, team, pairing, provider, request, activity,
                enrolment);
    }

    /** The row of this kind that a path parameter names, by the operation's path and the parameter's name. */
    public String valueFor(Operation operation, String parameter) {
        String path = operation.path();
        switch (parameter) {
            case "claimId":
                return claim;
            case "volunteerId":
                return volunteer;
            case "cadreId":
                return cadre.toString();
            case "enrolmentId":
                return enrolment;
            case "n":
                return "1";
            default:
                break;
        }
        if (path.startsWith("/api/v1/posts")) {
            return post;
        }
        if (path.startsWith("/api/v1/volunteers")) {
            return volunteer;
        }
        if (path.startsWith("/api/v1/teams")) {
            return team;
        }
        if (path.startsWith("/api/v1/service-records")) {
            return record;
        }
        if (path.startsWith("/api/v1/pairings")) {
            return pairing;
        }
        if (path.startsWith("/api/v1/providers")) {
            return provider;
        }
        if (path.startsWith("/api/v1/service-requests")) {
            return request;
        }
        if (path.startsWith("/api/v1/activities") || path.startsWith("/api/v1/me/activities")) {
            return activity;
        }
        if (path.startsWith("/api/v1/cadres")) {
            return cadre.toString();
        }
        return UUID.randomUUID().toString();
    }

    /** What an admin reads back after the suites, to show the rows survived them. */
    public List<String> paths() {
        return List.of("/api/v1/posts/" + post, "/api/v1/posts/" + post + "/claims", "/api/v1/volunteers/" + volunteer,
                "/api/v1/volunteers/" + volunteer + "/hours", "/api/v1/service-records/" + record,
                "/api/v1/teams/" + team, "/api/v1/pairings/" + pairing, "/api/v1/cadres/" + cadre + "/flags",
                "/api/v1/providers/" + provider, "/api/v1/service-requests/" + request,
                "/api/v1/activities/" + activity, "/api/v1/activities/" + activity + "/enrolments",
                "/api/v1/activities/" + activity + "/sessions/1/attendance");
    }

    private static HostileRows inside;
    private static HostileRows outside;

    /** In SQ001 / SQ001-WG01 / DW001: the scoped callers' placement. Made once per application start. */
    public static synchronized HostileRows inside() {
        if (inside == null) {
            // the login AccessMatrixContract's volunteer caller has (TestTokens.user names the user after its role)
            inside = seed("SQ001", "SQ001-WG01", "DW001", "13700000001",
                    TestTokens.user(Roles.VOLUNTEER).communities("SQ001").token());
        }
        return inside;
    }

    /** In SQ002 / SQ002-WG01 / DW002: no scoped caller of the suites covers it. */
    public static synchronized HostileRows outside() {
        if (outside == null) {
            outside = seed("SQ002", "SQ002-WG01", "DW002", "13700000002",
                    TestTokens.named("volunteer-sq002").roles(Roles.VOLUNTEER).communities("SQ002").token());
        }
        return outside;
    }
}
