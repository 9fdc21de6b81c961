package shouwang.registry.party;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/** 党支部 and 送学上门 on the real database and broker: branches, members, sessions and their events. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PartyBranchesTest {

    private static final String ADMIN = TestTokens.districtAdmin();

    private final String p = TestData.prefix();

    @BeforeEach
    void district() {
        TestData.org(p);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String member(String name, boolean partyMember) {
        Map<String, Object> body = TestData.cadre(p, name, LocalDate.of(1945, 5, 1), true);
        body.put("partyMember", partyMember);
        return TestData.register(body);
    }

    private void createBranch(String code) {
        as(ADMIN).body(Map.of("code", code, "name", "幸福里社区离退休干部综合党支部", "communityCode", p + "-SQ1"))
                .post("/api/v1/party-branches").then().statusCode(201)
                .body("communityCode", equalTo(p + "-SQ1")).body("memberCount", equalTo(0));
    }

    private void join(String cadreId, String branch) {
        as(ADMIN).body(Map.of("branchCode", branch)).put("/api/v1/cadres/" + cadreId + "/party-branch")
                .then().statusCode(200).body("partyBranchCode", equalTo(branch));
    }

    @Test
    void aBranchIsCreatedOnceAndSeenOnlyInItsScope() {
        String code = p + "-DZB";
        UUID clientId = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", clientId.toString(), "code", code, "name", "幸福里社区党支部",
                "communityCode", p + "-SQ1");
        as(ADMIN).body(body).post("/api/v1/party-branches").then().statusCode(201);
        as(ADMIN).body(body).post("/api/v1/party-branches").then().statusCode(200).body("code", equalTo(code));
        as(ADMIN).body(Map.of("code", code, "name", "另一个名字", "communityCode", p + "-SQ1"))
                .post("/api/v1/party-branches").then().statusCode(409);
        as(ADMIN).body(Map.of("code", p + "-X", "name", "两头都给", "communityCode", p + "-SQ1", "unitCode", p + "-DW"))
                .post("/api/v1/party-branches").then().statusCode(400)
                .body("violations[0].field", equalTo("unitCode"));
        as(ADMIN).body(Map.of("code", p + "-Y", "name", "无此社区", "communityCode", "NO-SUCH"))
                .post("/api/v1/party-branches").then().statusCode(400)
                .body("violations[0].field", equalTo("communityCode"));

        String own = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        String other = TestTokens.user("community-worker").communities(p + "-SQ2").token();
        as(own).get("/api/v1/party-branches/" + code).then().statusCode(200);
        as(other).get("/api/v1/party-branches/" + code).then().statusCode(404);
        as(other).queryParam("communityCode", p + "-SQ1").get("/api/v1/party-branches").then().statusCode(403);
        as(other).get("/api/v1/party-branches").then().statusCode(200).body("total", equalTo(0));
        as(other).body(Map.of("code", p + "-Z", "name", "越权", "communityCode", p + "-SQ1"))
                .post("/api/v1/party-branches").then().statusCode(403);

        List<JsonNode> changed = TopicProbe.events("party-branches", "PartyBranchChanged",
                data -> code.equals(data.path("code").asText()), 1, Duration.ofSeconds(30)).stream()
                .map(TopicProbe.Received::data).toList();
        assertEquals(1, changed.size(), "the repeated create announced nothing");
        assertEquals(p + "-SQ1", changed.get(0).get("communityCode").asText());
    }

    @Test
    void onlyPartyMembersJoinAndMembersAreListed() {
        String code = p + "-DZB";
        createBranch(code);
        String a = member("赵德胜", true);
        String b = member("钱玉兰", true);
        String notMember = member("孙保国", false);
        join(a, code);
        join(b, code);
        as(ADMIN).body(Map.of("branchCode", code)).put("/api/v1/cadres/" + notMember + "/party-branch")
                .then().statusCode(400).body("violations[0].field", equalTo("branchCode"));
        as(ADMIN).body(Map.of("branchCode", "NO-SUCH")).put("/api/v1/cadres/" + a + "/party-branch")
                .then().statusCode(400).body("violations[0].field", equalTo("branchCode"));

        as(ADMIN).get("/api/v1/party-branches/" + code + "/members").then().statusCode(200)
                .body("total", equalTo(2)).body("items.cadreId", containsInAnyOrder(a, b));
        as(ADMIN).get("/api/v1/party-branches/" + code).then().body("memberCount", equalTo(2));

        JsonNode profile = TopicProbe.events("cadre-profiles", "CadreUpdated",
                data -> a.equals(data.path("id").asText()) && code.equals(data.path("partyBranchCode").asText()), 1,
                Duration.ofSeconds(30)).get(0).data();
        assertEquals(code, profile.get("partyBranchCode").asText());

        Map<String, Object> out = new java.util.HashMap<>();
        out.put("branchCode", null);
        as(ADMIN).body(out).put("/api/v1/cadres/" + a + "/party-branch")
                .then().statusCode(200).body("partyBranchCode", equalTo(null));
        as(ADMIN).get("/api/v1/party-branches/" + code).then().body("memberCount", equalTo(1));
    }

    @Test
    void aStudySessionNamesItsAbsenteesAndAnnouncesThemForDelivery() {
        String code = p + "-DZB";
        createBranch(code);
        String there = member("周振华", true);
        String away = member("吴桂兰", true);
        String alsoAway = member("郑长青", true);
        String stranger = member("王立新", true);
        for (String id : List.of(there, away, alsoAway)) {
            join(id, code);
        }
        String session = UUID.randomUUID().toString();
        LocalDate heldOn = LocalDate.now().minusDays(1);
        Map<String, Object> body = Map.of("id", session, "topic", "学习党的二十届四中全会精神",
                "heldOn", heldOn.toString(), "attendeeIds", List.of(there));

        as(ADMIN).body(Map.of("topic", "学习", "heldOn", heldOn.toString(), "attendeeIds", List.of(there, stranger)))
                .post("/api/v1/party-branches/" + code + "/study-sessions").then().statusCode(400)
                .body("violations[0].field", equalTo("attendeeIds[1]"));
        as(ADMIN).body(Map.of("topic", "学习", "heldOn", LocalDate.now().plusDays(3).toString(),
                "attendeeIds", List.of())).post("/api/v1/party-branches/" + code + "/study-sessions").then()
                .statusCode(400).body("violations[0].field", equalTo("heldOn"));
        as(ADMIN).body(body).post("/api/v1/party-branches/" + code + "/study-sessions").then().statusCode(201)
                .body("absenteeIds", containsInAnyOrder(away, alsoAway)).body("memberCount", equalTo(3));
        as(ADMIN).body(body).post("/api/v1/party-branches/" + code + "/study-sessions").then().statusCode(200);

        as(ADMIN).get("/api/v1/party-branches/" + code + "/study-sessions/" + session).then().statusCode(200)
                .body("attendeeIds", containsInAnyOrder(there));
        as(ADMIN).get("/api/v1/party-branches/" + code + "/study-sessions").then().statusCode(200)
                .body("total", equalTo(1));
        as(TestTokens.user("community-worker").communities(p + "-SQ2").token())
                .get("/api/v1/party-branches/" + code + "/study-sessions/" + session).then().statusCode(404);

        List<TopicProbe.Received> held = TopicProbe.events("party-branches", "StudySessionHeld",
                data -> session.equals(data.path("sessionId").asText()), 2, Duration.ofSeconds(5));
        assertEquals(1, held.size(), "one event for the session, however often it is posted");
        JsonNode data = held.get(0).data();
        assertEquals(code, held.get(0).key());
        assertEquals(heldOn.toString(), data.get("heldOn").asText());
        assertEquals(List.of(there), List.of(data.get("attendeeIds").get(0).asText()));
        assertEquals(2, data.get("absenteeIds").size());
    }
}
