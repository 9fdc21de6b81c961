package shouwang.volunteer.activity;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.TestTokens;

/** REST helpers of the activity tests: activities with sessions at given offsets from now, enrolments, tokens. */
final class Activities {

    private Activities() {
    }

    static String worker(String... communities) {
        return TestTokens.user(Roles.COMMUNITY_WORKER).communities(communities).token();
    }

    static String cadreToken(UUID cadreId) {
        return TestTokens.named("cadre-" + cadreId).roles(Roles.CADRE).cadre(cadreId).token();
    }

    /** A two-hour session starting {@code offset} from now. */
    static Map<String, Object> session(Duration offset, String place) {
        Instant starts = Instant.now().plus(offset);
        return Map.of("startsAt", starts.toString(), "endsAt", starts.plus(Duration.ofHours(2)).toString(),
                "place", place);
    }

    /** Sessions {@code pastDays} days ago, one a day (1 = the oldest), and one a week from now. */
    static List<Map<String, Object>> pastSessionsAndOneToCome(int pastDays) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int day = pastDays; day >= 1; day--) {
            sessions.add(session(Duration.ofDays(-day), "社区活动室"));
        }
        sessions.add(session(Duration.ofDays(7), "社区活动室"));
        return sessions;
    }

    static Map<String, Object> body(String community, int capacity, List<Map<String, Object>> sessions) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "老年大学书法班");
        body.put("kind", "CLASS");
        body.put("communityCode", community);
        body.put("capacity", capacity);
        body.put("teacher", "王老师");
        body.put("description", "每周一次，楷书入门");
        body.put("sessions", sessions);
        return body;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/activities")
                .then();
    }

    static String create(String token, String community, int capacity, List<Map<String, Object>> sessions) {
        return create(token, body(community, capacity, sessions)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse enrol(String token, String activityId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/activities/" + activityId + "/enrolments").then();
    }

    static String enrol(String token, String activityId, UUID cadreId) {
        return enrol(token, activityId, Map.of("cadreId", cadreId.toString())).statusCode(201).extract().path("id");
    }

    static ValidatableResponse record(String token, String activityId, int n, UUID... present) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("presentCadreIds", List.of(present).stream().map(UUID::toString).toList()))
                .post("/api/v1/activities/" + activityId + "/sessions/" + n + "/attendance").then();
    }
}
