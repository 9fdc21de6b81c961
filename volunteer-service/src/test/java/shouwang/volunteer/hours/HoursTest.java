package shouwang.volunteer.hours;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class HoursTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ301", "SQ302").token();
    static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    /** A resident who claimed a post in the community, as a volunteer id. */
    static String volunteerWithPost(String community, String phone, String[] postIdOut) {
        String postId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "助老服务岗", "category", "ELDER_HELP", "communityCode", community, "capacity", 5))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
        postIdOut[0] = postId;
        return given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "志愿者", "phone", phone)).post("/api/v1/posts/" + postId + "/claims")
                .then().statusCode(201).extract().path("volunteerId");
    }

    static String record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/service-records")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
    }

    static ValidatableResponse verify(String token, String recordId) {
        return given().auth().oauth2(token).post("/api/v1/service-records/" + recordId + "/verify").then();
    }

    static ValidatableResponse hours(String token, String volunteerId) {
        return given().auth().oauth2(token).get("/api/v1/volunteers/" + volunteerId + "/hours").then();
    }

    /** A volunteer with {@code hours} verified hours. */
    static String volunteerWithHours(String phone, String hours) {
        String[] post = new String[1];
        String volunteerId = volunteerWithPost("SQ301", phone, post);
        String recordId = record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY,
                "hours", hours));
        verify(WORKER, recordId).statusCode(200);
        return volunteerId;
    }

    @Test
    void verifiedServiceEarnsHoursOnceAndIsAnnounced() {
        String[] post = new String[1];
        UUID elder = Fixtures.activeCadre("SQ301");
        String volunteerId = volunteerWithPost("SQ301", "13600000301", post);
        String recordId = record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY,
                "hours", 2.5, "peopleServed", 3, "beneficiaryCadreId", elder.toString(), "description", "陪同就医"));
        given().auth().oauth2(WORKER).get("/api/v1/service-records/" + recordId).then().statusCode(200)
                .body("serviceType", equalTo("ELDER_HELP")).body("communityCode", equalTo("SQ301"));
        hours(WORKER, volunteerId).statusCode(200).body("balance", equalTo(0.0f));

        verify(WORKER, recordId).statusCode(200).body("status", equalTo("VERIFIED"));
        verify(WORKER, recordId).statusCode(200).body("status", equalTo("VERIFIED"));
        hours(WORKER, volunteerId).body("balance", equalTo(2.5f)).body("totals.EARNED", equalTo(2.5f))
                .body("history.total", equalTo(1)).body("history.items[0].kind", equalTo("EARNED"))
                .body("history.items[0].serviceRecordId", equalTo(recordId));

        TopicProbe.Received event = Fixtures.awaitEvent("ServiceHoursLogged", "recordId", recordId);
        JsonNode data = event.data();
        assertEquals(Set.of("recordId", "volunteerId", "postId", "communityCode",
                "serviceType", "servedOn", "hours", "peopleServed", "beneficiaryCadreId", "verifiedAt", "districtCode"),
                Fixtures.fields(data));
        assertEquals(elder.toString(), event.key());
        assertEquals(volunteerId, data.path("volunteerId").asText());
        assertEquals(post[0], data.path("postId").asText());
        assertEquals("SQ301", data.path("communityCode").asText());
        assertEquals("ELDER_HELP", data.path("serviceType").asText());
        assertEquals(YESTERDAY, data.path("servedOn").asText());
        assertEquals(2.5, data.path("hours").asDouble());
    }

    @Test
    void aRejectedRecordEarnsNothingAndCannotBeVerifiedLater() {
        String[] post = new String[1];
        String volunteerId = volunteerWithPost("SQ301", "13600000302", post);
        String recordId = record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY,
                "hours", 1));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("reason", "未到岗"))
                .post("/api/v1/service-records/" + recordId + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectReason", equalTo("未到岗"));
        verify(WORKER, recordId).statusCode(409);
        hours(WORKER, volunteerId).body("balance", equalTo(0.0f));
    }

    @Test
    void onlyThePostsCommunityVerifies() {
        String[] post = new String[1];
        String volunteerId = volunteerWithPost("SQ301", "13600000303", post);
        String recordId = record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY,
                "hours", 1));
        String outsider = TestTokens.user("community-worker").communities("SQ999").token();
        verify(outsider, recordId).statusCode(404);
        verify(TestTokens.user("volunteer").token(), recordId).statusCode(403);
        verify(TestTokens.districtAdmin(), recordId).statusCode(200);
    }

    @Test
    void aBadServiceRecordNamesEveryBadField() {
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", UUID.randomUUID().toString(), "hours", 25)).post("/api/v1/service-records")
                .then().statusCode(400).body("violations.field", hasItem("servedOn"))
                .body("violations.field", hasItem("hours"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", UUID.randomUUID().toString(), "hours", 1, "servedOn",
                        LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/service-records").then().statusCode(400)
                .body("violations.field", hasItem("volunteerId")).body("violations.field", hasItem("servedOn"))
                .body("violations.field", hasItem("communityCode")).body("violations.field", hasItem("serviceType"));
    }

    @Test
    void spendingNeverTakesTheBalanceBelowZero() {
        String volunteerId = volunteerWithHours("13600000304", "2.5");
        Map<String, Object> spend = new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "hours", 1,
                "beneficiary", "FAMILY", "note", "为老伴换取理发服务"));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(spend)
                .post("/api/v1/volunteers/" + volunteerId + "/hours/spent").then().statusCode(201)
                .body("kind", equalTo("SPENT")).body("balanceAfter", equalTo(1.5f));
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(spend)
                .post("/api/v1/volunteers/" + volunteerId + "/hours/spent").then().statusCode(200);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("hours", 2, "beneficiary", "SELF"))
                .post("/api/v1/volunteers/" + volunteerId + "/hours/spent").then().statusCode(409);
        hours(WORKER, volunteerId).body("balance", equalTo(1.5f)).body("totals.SPENT", equalTo(1.0f))
                .body("history.items[0].kind", equalTo("SPENT"));
    }

    @Test
    void concurrentSpendsCannotOverdraw() throws Exception {
        String volunteerId = volunteerWithHours("13600000305", "3");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                        .body(Map.of("hours", 1, "beneficiary", "SELF"))
                        .post("/api/v1/volunteers/" + volunteerId + "/hours/spent").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        hours(WORKER, volunteerId).body("balance", equalTo(0.0f));
    }

    @Test
    void hoursGoOnlyToWidowedChildlessOrBereavedElders() {
        String volunteerId = volunteerWithHours("13600000306", "4");
        UUID widowed = Fixtures.activeCadre("SQ301", "WIDOWED_CHILDLESS");
        UUID ordinary = Fixtures.activeCadre("SQ301", "CHILDREN_AWAY");

        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("hours", 1, "recipientCadreId", ordinary.toString()))
                .post("/api/v1/volunteers/" + volunteerId + "/hours/donations").then().statusCode(409);
        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("hours", 1.5, "recipientCadreId", widowed.toString()))
                .post("/api/v1/volunteers/" + volunteerId + "/hours/donations").then().statusCode(201)
                .body("kind", equalTo("DONATED")).body("balanceAfter", equalTo(2.5f));

        // 失独 is flagged in volunteering; then the elder may receive hours too
        given().auth().oauth2(WORKER).contentType(ContentType.JSON).body(Map.of("bereavedOnlyChild", true))
                .put("/api/v1/cadres/" + ordinary + "/flags").then().statusCode(200)
                .body("mayReceiveDonatedHours", equalTo(true));
        String received = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("hours", 1, "recipientCadreId", ordinary.toString()))
                .post("/api/v1/volunteers/" + volunteerId + "/hours/donations").then().statusCode(201)
                .extract().path("counterpartVolunteerId");
        hours(WORKER, received).statusCode(200).body("balance", equalTo(1.0f))
                .body("history.items[0].kind", equalTo("RECEIVED"))
                .body("history.items[0].counterpartVolunteerId", equalTo(volunteerId));
        hours(WORKER, volunteerId).body("balance", equalTo(1.5f)).body("totals.DONATED", equalTo(2.5f));

        given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("hours", 5, "recipientCadreId", widowed.toString()))
                .post("/api/v1/volunteers/" + volunteerId + "/hours/donations").then().statusCode(409);
    }

    @Test
    void aVolunteerSeesOnlyTheirOwnHours() {
        // a volunteer signs up in a community of its token (docs/volunteer-service.md)
        String me = TestTokens.named("volunteer-hours").roles("volunteer").communities("SQ302").token();
        String postId = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("title", "文体岗", "category", "CULTURE_SPORTS", "communityCode", "SQ302", "capacity", 5))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
        String myId = given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "自己", "phone", "13600000307"))
                .post("/api/v1/posts/" + postId + "/claims").then().statusCode(201).extract().path("volunteerId");
        String recordId = record(me, Map.of("postId", postId, "servedOn", YESTERDAY, "hours", 2));
        verify(me, recordId).statusCode(403);
        verify(WORKER, recordId).statusCode(200);
        hours(me, myId).statusCode(200).body("balance", equalTo(2.0f));
        given().auth().oauth2(me).get("/api/v1/service-records").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(me).get("/api/v1/service-records?communityCode=SQ302").then().statusCode(200)
                .body("total", equalTo(1));

        String otherId = volunteerWithHours("13600000308", "1");
        hours(me, otherId).statusCode(404);
    }

    @Test
    void statisticsCountPeopleServedAndHoursPerCommunityAndServiceTypeForThePeriod() {
        String[] post = new String[1];
        String a = volunteerWithPost("SQ302", "13600000309", post);
        String b = given().auth().oauth2(WORKER).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "乙", "phone", "13600000310")).post("/api/v1/posts/" + post[0] + "/claims")
                .then().statusCode(201).extract().path("volunteerId");
        String day = "2026-03-10";
        verify(WORKER, record(WORKER, Map.of("volunteerId", a, "postId", post[0], "servedOn", day, "hours", 2,
                "peopleServed", 4))).statusCode(200);
        verify(WORKER, record(WORKER, Map.of("volunteerId", b, "postId", post[0], "servedOn", day, "hours", 1.5))).statusCode(200);
        verify(WORKER, record(WORKER, Map.of("volunteerId", a, "communityCode", "SQ302", "serviceType", "LEGAL_AID",
                "servedOn", day, "hours", 1, "peopleServed", 2))).statusCode(200);
        // pending and out-of-period records do not count
        record(WORKER, Map.of("volunteerId", a, "postId", post[0], "servedOn", day, "hours", 3));
        verify(WORKER, record(WORKER, Map.of("volunteerId", a, "postId", post[0], "servedOn", "2026-04-01", "hours", 3)))
                .statusCode(200);

        given().auth().oauth2(WORKER).get("/api/v1/statistics/service?from=2026-03-01&to=2026-03-31&communityCode=SQ302")
                .then().statusCode(200)
                .body("total.records", equalTo(3)).body("total.peopleServed", equalTo(7))
                .body("total.hours", equalTo(4.5f)).body("total.volunteers", equalTo(2))
                .body("byCommunity.SQ302.byServiceType.ELDER_HELP.peopleServed", equalTo(5))
                .body("byCommunity.SQ302.byServiceType.ELDER_HELP.hours", equalTo(3.5f))
                .body("byCommunity.SQ302.byServiceType.LEGAL_AID.peopleServed", equalTo(2))
                .body("byServiceType.LEGAL_AID.hours", equalTo(1.0f));
        given().auth().oauth2(WORKER).get("/api/v1/statistics/service?communityCode=SQ999").then().statusCode(403);
        given().auth().oauth2(WORKER).get("/api/v1/statistics/service?from=2026-13-01").then().statusCode(400)
                .body("violations.field", hasItem("from"));
    }

    @Test
    void staffListOnlyTheRecordsAndVolunteersOfTheirCommunities() {
        String[] post = new String[1];
        String volunteerId = volunteerWithPost("SQ301", "13600000311", post);
        String recordId = record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY,
                "hours", 1));
        given().auth().oauth2(WORKER).get("/api/v1/service-records?volunteerId=" + volunteerId).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(recordId))
                .body("items[0].volunteerName", equalTo("志愿者"));
        given().auth().oauth2(WORKER).get("/api/v1/volunteers?communityCode=SQ301&size=500").then().statusCode(200)
                .body("items.id", hasItem(volunteerId));

        String outsider = TestTokens.user("community-worker").communities("SQ999").token();
        given().auth().oauth2(outsider).get("/api/v1/service-records?volunteerId=" + volunteerId).then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(outsider).get("/api/v1/service-records/" + recordId).then().statusCode(404);
        // filtered on a community outside the scope: 403 (docs/security.md), no longer an empty page
        given().auth().oauth2(outsider).get("/api/v1/volunteers?communityCode=SQ301").then().statusCode(403);
        given().auth().oauth2(outsider).get("/api/v1/service-records?communityCode=SQ301").then().statusCode(403);
        given().auth().oauth2(outsider).get("/api/v1/volunteers/" + volunteerId).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/service-records?status=DONE").then().statusCode(400)
                .body("violations.field", hasItem("status"));
    }

    @Test
    void aTokenWithoutScopeClaimsSeesNoRecordsAndMayNotFilterThemByCommunity() {
        String[] post = new String[1];
        String volunteerId = volunteerWithPost("SQ301", "13600000312", post);
        record(WORKER, Map.of("volunteerId", volunteerId, "postId", post[0], "servedOn", YESTERDAY, "hours", 1));
        String unscoped = TestTokens.named("worker-without-scope").roles("community-worker").token();

        given().auth().oauth2(unscoped).get("/api/v1/service-records").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/service-records?volunteerId=" + volunteerId).then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/service-records?communityCode=SQ301").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/statistics/service").then().statusCode(200)
                .body("total.records", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/statistics/service?communityCode=SQ301").then()
                .statusCode(403);
    }
}
