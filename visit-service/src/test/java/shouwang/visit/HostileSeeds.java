package shouwang.visit;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;

import shouwang.kit.testing.AccessMatrixContract.Placement;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * Real rows for the hostile suites, made the way production makes them: the cadre through the cadre-profiles topic,
 * a must-visit task through MustVisitRequired on alerts, visits, issues and campaigns through the REST API.
 */
public final class HostileSeeds {

    /** One cadre's rows of every kind the API can name by id. */
    public record Rows(UUID cadre, UUID visit, UUID issue, UUID task, UUID alert, UUID campaign, UUID studySession) {
    }

    private HostileSeeds() {
    }

    public static Rows seed(Placement at) {
        UUID cadre = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, at.community(), at.grid(), at.unit()));
        UUID visit = UUID.fromString(given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre, "visitedAt", Instant.now().minusSeconds(60).toString(),
                        "channel", "IN_PERSON", "layer", "COMMUNITY", "visitorName", "赵敏",
                        "needs", List.of(Map.of("description", "楼道需要加装扶手"))))
                .post("/api/v1/visits").then().statusCode(201).extract().path("id"));
        UUID issue = UUID.fromString(given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadre)
                .get("/api/v1/issues").then().statusCode(200).extract().path("items[0].id"));
        UUID alert = UUID.randomUUID();
        TopicProbe.publish("alerts", cadre.toString(), "MustVisitRequired", Map.of("alertId", alert.toString(),
                "cadreId", cadre.toString(), "kind", "HOSPITALISATION", "level", 0,
                "deadline", Instant.now().plus(Duration.ofDays(2)).toString(),
                "layers", List.of(Map.of("layer", "UNIT", "orgCode", at.unit()),
                        Map.of("layer", "COMMUNITY", "orgCode", at.community())),
                "notify", List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(TestTokens.districtAdmin()).queryParam("alertId", alert)
                        .get("/api/v1/tasks").then().extract().<Integer>path("total") >= 2);
        UUID task = UUID.fromString(given().auth().oauth2(TestTokens.districtAdmin()).queryParam("alertId", alert)
                .get("/api/v1/tasks").then().statusCode(200).extract().path("items[0].id"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID campaign = UUID.fromString(given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("type", "EMERGENCY_DAILY", "name", "寒潮每日联系", "communityCodes",
                        List.of(at.community()), "startOn", today.toString(), "endOn", today.plusDays(3).toString()))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id"));
        UUID studySession = UUID.randomUUID();
        Map<String, Object> held = new java.util.HashMap<>();
        held.put("sessionId", studySession.toString());
        held.put("branchCode", "DZB-" + at.community());
        held.put("branchName", "离退休干部综合党支部");
        held.put("communityCode", at.community());
        held.put("unitCode", null);
        held.put("topic", "集中学习");
        held.put("heldOn", today.minusDays(1).toString());
        held.put("attendeeIds", List.of());
        held.put("absenteeIds", List.of(cadre.toString()));
        held.put("recordedAt", Instant.now().toString());
        TopicProbe.publish("party-branches", "DZB-" + at.community(), "StudySessionHeld", held);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                        .get("/api/v1/study-sessions/" + studySession + "/coverage").statusCode() == 200);
        return new Rows(cadre, visit, issue, task, alert, campaign, studySession);
    }

    /** The id of this row kind that a path parameter of {@code path} names. */
    public static UUID idFor(Rows rows, String path, String parameter) {
        if (parameter.equals("cadreId")) {
            return rows.cadre();
        }
        if (path.startsWith("/api/v1/visits")) {
            return rows.visit();
        }
        if (path.startsWith("/api/v1/issues")) {
            return rows.issue();
        }
        if (path.startsWith("/api/v1/tasks")) {
            return rows.task();
        }
        if (path.startsWith("/api/v1/campaigns")) {
            return rows.campaign();
        }
        if (path.startsWith("/api/v1/study-sessions")) {
            return rows.studySession();
        }
        throw new IllegalArgumentException("no seeded row for " + path + " {" + parameter + "}");
    }
}
