package shouwang.volunteer.post;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class PostClaimTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ101").token();

    static String publish(String token, String community, int capacity) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", "周二上午助老陪护", "category", "ELDER_HELP", "communityCode", community,
                        "gridCode", community + "-WG01", "capacity", capacity, "schedule", "每周二 9:00-11:00"))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response claim(String token, String postId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/posts/" + postId + "/claims");
    }

    static Map<String, Object> resident(String name, String phone) {
        return Map.of("volunteerName", name, "phone", phone);
    }

    static String uniquePhone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    @Test
    void aCommunityWorkerPublishesAPostInItsCommunityAndItIsAnnounced() {
        String id = publish(WORKER, "SQ101", 3);
        given().auth().oauth2(TestTokens.user("volunteer").communities("SQ101").token()).get("/api/v1/posts/" + id)
                .then().statusCode(200)
                .body("title", equalTo("周二上午助老陪护")).body("category", equalTo("ELDER_HELP"))
                .body("categoryLabel", equalTo("助老服务")).body("capacity", equalTo(3))
                .body("claimedCount", equalTo(0)).body("status", equalTo("OPEN"));

        TopicProbe.Received record = Fixtures.awaitEvent("PostPublished", "postId", id);
        JsonNode data = record.data();
        assertEquals(id, record.key());
        assertEquals(Set.of("postId", "title", "category", "communityCode", "gridCode",
                "capacity", "schedule", "startsOn", "endsOn", "districtCode"), Fixtures.fields(data));
        assertEquals("SQ101", data.path("communityCode").asText());
        assertEquals("SQ101-WG01", data.path("gridCode").asText());
        assertEquals(3, data.path("capacity").asInt());
        assertEquals("每周二 9:00-11:00", data.path("schedule").asText());
    }

    @Test
    void publishingTwiceWithTheSameClientIdKeepsOnePost() {
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", clientId, "title", "政策宣讲", "category", "POLICY_PROMOTION",
                "communityCode", "SQ101", "capacity", 2);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(body).post("/api/v1/posts").then()
                .statusCode(201).body("id", equalTo(clientId));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(body).post("/api/v1/posts").then()
                .statusCode(200).body("id", equalTo(clientId));
        given().auth().oauth2(WORKER).get("/api/v1/posts?communityCode=SQ101&category=POLICY_PROMOTION&size=500")
                .then().statusCode(200).body("items.id", hasItem(clientId))
                .body("items.findAll { it.id == '" + clientId + "' }.size()", equalTo(1));
    }

    @Test
    void aCommunityWorkerCannotPublishInAnotherCommunity() {
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "巡逻", "category", "SECURITY_PATROL", "communityCode", "SQ999", "capacity", 2))
                .post("/api/v1/posts").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("volunteer").token()).contentType(ContentType.JSON)
                .body(Map.of("title", "巡逻", "category", "SECURITY_PATROL", "communityCode", "SQ101", "capacity", 2))
                .post("/api/v1/posts").then().statusCode(403);
    }

    @Test
    void aBadPostNamesEveryBadField() {
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "", "communityCode", "SQ101", "capacity", 0)).post("/api/v1/posts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("title")).body("violations.field", hasItem("category"))
                .body("violations.field", hasItem("capacity"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "category", "KNITTING", "communityCode", "SQ101", "capacity", 1))
                .post("/api/v1/posts").then().statusCode(400).body("violations.field", hasItem("category"));
        given().auth().oauth2(WORKER).get("/api/v1/posts?updatedSince=yesterday").then().statusCode(400)
                .body("violations.field", hasItem("updatedSince"));
    }

    @Test
    void concurrentClaimsFillExactlyTheCapacityAndTheRestAreRefused() throws Exception {
        int capacity = 5;
        int claimants = 24;
        String postId = publish(WORKER, "SQ101", capacity);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                Map<String, Object> body = resident("志愿者" + i, uniquePhone());
                calls.add(() -> claim(WORKER, postId, body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertEquals(capacity, statuses.stream().filter(s -> s == 201).count(), "claims accepted: " + statuses);
            assertEquals(claimants - capacity, statuses.stream().filter(s -> s == 409).count(),
                    "claims refused: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId).then().body("claimedCount", equalTo(capacity))
                .body("remaining", equalTo(0));
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId + "/claims?status=ACTIVE").then()
                .body("total", equalTo(capacity));
    }

    @Test
    void aFullPostAnswers409AndAWithdrawalFreesThePlace() {
        String postId = publish(WORKER, "SQ101", 1);
        String first = claim(WORKER, postId, resident("张三", uniquePhone())).then().statusCode(201).extract().path("id");
        claim(WORKER, postId, resident("李四", uniquePhone())).then().statusCode(409)
                .contentType("application/problem+json");

        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("reason", "身体原因"))
                .post("/api/v1/posts/" + postId + "/claims/" + first + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnAt", notNullValue());
        // withdrawing again changes nothing
        given().auth().oauth2(WORKER).post("/api/v1/posts/" + postId + "/claims/" + first + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId).then().body("claimedCount", equalTo(0));

        claim(WORKER, postId, resident("李四", uniquePhone())).then().statusCode(201);
    }

    @Test
    void aRegisteredCadreClaimsByCadreIdAndTheClaimIsAnnounced() {
        UUID cadreId = Fixtures.activeCadre("SQ101");
        String postId = publish(WORKER, "SQ101", 2);
        String claimId = claim(WORKER, postId, Map.of("cadreId", cadreId.toString())).then().statusCode(201)
                .body("cadreId", equalTo(cadreId.toString())).body("volunteerName", equalTo("测试老干部"))
                .extract().path("id");
        String volunteerId = given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId + "/claims").then()
                .body("items[0].id", equalTo(claimId)).extract().path("items[0].volunteerId");

        TopicProbe.Received record = Fixtures.awaitEvent("PostClaimed", "claimId", claimId);
        JsonNode data = record.data();
        assertEquals(postId, record.key());
        assertEquals(Set.of("postId", "claimId", "volunteerId", "volunteerName", "cadreId",
                "claimedAt", "communityCode", "category", "capacity", "claimedCount", "districtCode"),
                Fixtures.fields(data));
        assertEquals(postId, data.path("postId").asText());
        assertEquals(cadreId.toString(), data.path("cadreId").asText());
        assertEquals(volunteerId, data.path("volunteerId").asText());
        assertEquals("测试老干部", data.path("volunteerName").asText());

        // the same cadre a second time: already holds a place
        claim(WORKER, postId, Map.of("cadreId", cadreId.toString())).then().statusCode(409);
    }

    @Test
    void aClaimForAnUnknownOrDeceasedCadreIsRefused() {
        String postId = publish(WORKER, "SQ101", 2);
        claim(WORKER, postId, Map.of("cadreId", UUID.randomUUID().toString())).then().statusCode(400)
                .body("violations.field", hasItem("cadreId"));
        UUID deceased = Fixtures.cadre("SQ101", "DECEASED", "NONE");
        claim(WORKER, postId, Map.of("cadreId", deceased.toString())).then().statusCode(409);
        claim(WORKER, postId, Map.of("volunteerName", "王五")).then().statusCode(400)
                .body("violations.field", hasItem("phone"));
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId).then().body("claimedCount", equalTo(0));
    }

    @Test
    void repeatingAClaimWithItsClientIdReturnsTheSameClaimAndTakesOnePlace() {
        String postId = publish(WORKER, "SQ101", 3);
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", clientId, "volunteerName", "赵六", "phone", uniquePhone());
        claim(WORKER, postId, body).then().statusCode(201).body("id", equalTo(clientId));
        claim(WORKER, postId, body).then().statusCode(200).body("id", equalTo(clientId));
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId).then().body("claimedCount", equalTo(1));
    }

    @Test
    void aClosedPostTakesNoMoreClaims() {
        String postId = publish(WORKER, "SQ101", 3);
        given().auth().oauth2(WORKER).post("/api/v1/posts/" + postId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        claim(WORKER, postId, resident("钱七", uniquePhone())).then().statusCode(409);
    }

    @Test
    void aVolunteerSignsThemselvesUpSeesThemselvesAndOnlyTheyCanWithdraw() {
        String postId = publish(WORKER, "SQ101", 3);
        // a volunteer signs up and claims in the communities of its token; they give no power over others' claims
        String me = TestTokens.user("volunteer").communities("SQ101").token();
        String someoneElse = TestTokens.named("volunteer-2").roles("volunteer").communities("SQ101").token();
        String claimId = claim(me, postId, resident("孙八", uniquePhone())).then().statusCode(201).extract().path("id");
        String volunteerId = given().auth().oauth2(me).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("name", equalTo("孙八")).extract().path("id");
        given().auth().oauth2(me).get("/api/v1/volunteers/" + volunteerId).then().statusCode(200);
        given().auth().oauth2(someoneElse).get("/api/v1/volunteers/" + volunteerId).then().statusCode(404);

        given().auth().oauth2(someoneElse).post("/api/v1/posts/" + postId + "/claims/" + claimId + "/withdraw").then()
                .statusCode(403);
        given().auth().oauth2(me).post("/api/v1/posts/" + postId + "/claims/" + claimId + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        // next time the volunteer need not name themselves
        claim(me, postId, Map.of()).then().statusCode(201).body("volunteerId", equalTo(volunteerId));
        given().auth().oauth2(me).get("/api/v1/volunteers/" + volunteerId + "/claims").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].status", equalTo("ACTIVE"))
                .body("items[1].status", equalTo("WITHDRAWN"));
        given().auth().oauth2(someoneElse).get("/api/v1/volunteers/" + volunteerId + "/claims").then()
                .statusCode(404);
    }

    @Test
    void aPostOutsideTheReadersScopeIsNotFoundAndItsClaimsAreForbidden() {
        String postId = publish(TestTokens.districtAdmin(), "SQ777", 1);
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + postId + "/claims").then().statusCode(403);
        claim(WORKER, postId, resident("周九", uniquePhone())).then().statusCode(403);
    }
}
