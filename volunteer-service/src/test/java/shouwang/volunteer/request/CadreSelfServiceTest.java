package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.volunteer.Fixtures;

/** A cadre's own account (role cadre, claim cadre_id): 点单 for itself, its list, cancel and rate; nothing else. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class CadreSelfServiceTest {

    static final String COMMUNITY = "SQ921";

    @Test
    void aCadreOrdersForItselfSeesItsOwnAndRatesWhatWasDone() {
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        UUID neighbour = Fixtures.activeCadre(COMMUNITY);
        String me = Orders.cadreToken(cadre);
        String worker = Orders.worker(COMMUNITY);
        String id = UUID.randomUUID().toString();
        Map<String, Object> form = Map.of("id", id, "serviceType", "MEAL_DELIVERY", "details", "午餐送餐上门，少盐");
        given().auth().oauth2(me).contentType(ContentType.JSON).body(form).post("/api/v1/me/service-requests").then()
                .statusCode(201).body("cadreId", equalTo(cadre.toString())).body("source", equalTo("CADRE"))
                .body("communityCode", equalTo(COMMUNITY)).body("serviceTypeLabel", equalTo("助餐"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body(form).post("/api/v1/me/service-requests").then()
                .statusCode(200);
        String second = given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("serviceType", "BATHING", "details", "每周助浴一次")).post("/api/v1/me/service-requests")
                .then().statusCode(201).extract().path("id");
        String theirs = Orders.open(worker, neighbour, "REPAIR", "修窗户");

        given().auth().oauth2(me).get("/api/v1/me/service-requests").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", hasItem(id)).body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(me).get("/api/v1/me/service-requests?status=DONE").then().statusCode(200)
                .body("total", equalTo(0));
        Orders.get(me, id).statusCode(200).body("status", equalTo("REQUESTED"));
        // another cadre's request is not there for it; the staff lists are not its
        Orders.get(me, theirs).statusCode(404);
        Orders.post(me, theirs, "cancel", null).statusCode(404);
        Orders.post(me, theirs, "rate", Map.of("score", 5)).statusCode(404);
        given().auth().oauth2(me).get("/api/v1/service-requests").then().statusCode(403);
        given().auth().oauth2(me).get("/api/v1/providers").then().statusCode(403);
        given().auth().oauth2(me).get("/api/v1/posts").then().statusCode(403);
        Orders.dispatch(me, id, "volunteerId", UUID.randomUUID().toString()).statusCode(403);

        // not done yet: no rating
        Orders.post(me, id, "rate", Map.of("score", 4)).statusCode(409);
        Orders.dispatch(worker, id, "providerId", Orders.provider(worker, COMMUNITY, java.util.List.of("MEAL_DELIVERY")))
                .statusCode(200);
        Orders.post(worker, id, "accept", null).statusCode(200);
        Orders.post(worker, id, "complete", Map.of("notes", "已送达")).statusCode(200);
        Orders.post(me, id, "rate", Map.of("score", 6)).statusCode(400).body("violations.field", hasItem("score"));
        Orders.post(me, id, "rate", Map.of("score", 4, "comment", "饭菜可口")).statusCode(200)
                .body("ratingScore", equalTo(4)).body("ratingComment", equalTo("饭菜可口"));
        // rating again replaces the score
        Orders.post(me, id, "rate", Map.of("score", 5)).statusCode(200).body("ratingScore", equalTo(5));
        var rated = shouwang.kit.testing.TopicProbe.events(shouwang.volunteer.Volunteering.TOPIC,
                "ServiceRequestRated", data -> id.equals(data.path("requestId").asText()), 2, java.time.Duration.ofSeconds(20));
        assertEquals(2, rated.size());
        assertEquals(5, rated.get(1).data().path("score").asInt());
        assertEquals(RequestLifecycleTest.fieldsWith("score"), Fixtures.fields(rated.get(1).data()));

        // its own open request it may cancel; a done one not
        Orders.post(me, second, "cancel", Map.of("reason", "家人回来了")).statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Orders.post(me, id, "cancel", null).statusCode(409);
    }

    @Test
    void aCadreTokenWithoutItsClaimOrWithoutAProfileHereIsRefused() {
        String noClaim = TestTokens.named("cadre-without-claim").roles("cadre").token();
        given().auth().oauth2(noClaim).get("/api/v1/me/service-requests").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(noClaim).contentType(ContentType.JSON)
                .body(Map.of("serviceType", "OTHER", "details", "帮忙")).post("/api/v1/me/service-requests").then()
                .statusCode(403);
        String unknown = Orders.cadreToken(UUID.randomUUID());
        given().auth().oauth2(unknown).contentType(ContentType.JSON)
                .body(Map.of("serviceType", "OTHER", "details", "帮忙")).post("/api/v1/me/service-requests").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("not reached volunteering"));
        given().auth().oauth2(unknown).get("/api/v1/me/service-requests").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Orders.cadreToken(UUID.randomUUID())).contentType(ContentType.TEXT)
                .body("帮忙").post("/api/v1/me/service-requests").then().statusCode(415);
    }
}
