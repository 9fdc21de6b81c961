package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.volunteer.Fixtures;

/** 点单 → 派单 → 接单 → 完成, with the events on volunteering and the hours in the time bank. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class RequestLifecycleTest {

    static final String COMMUNITY = "SQ911";
    static final Set<String> COMMON = Set.of("requestId", "cadreId", "serviceType", "communityCode", "gridCode",
            "status", "at", "districtCode");

    static Set<String> fieldsWith(String... more) {
        Set<String> fields = new java.util.TreeSet<>(COMMON);
        fields.addAll(List.of(more));
        return fields;
    }

    @Test
    void aRequestIsDispatchedAcceptedAndDoneAndTheVolunteerEarnsItsHours() {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String volunteer = Orders.volunteer("req-vol-911a", COMMUNITY, "13900911001");
        String volunteerToken = Orders.volunteerToken("req-vol-911a", COMMUNITY);
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> form = Map.of("id", clientId, "cadreId", cadre.toString(), "serviceType",
                "MEDICAL_ESCORT", "details", "周三上午陪同去市一院复查", "wantedBy", "2026-12-01T01:00:00Z");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(form).post("/api/v1/service-requests")
                .then().statusCode(201).body("status", equalTo("REQUESTED")).body("statusLabel", equalTo("待派单"))
                .body("serviceTypeLabel", equalTo("就医陪护")).body("source", equalTo("STAFF"))
                .body("communityCode", equalTo(COMMUNITY)).body("gridCode", equalTo(COMMUNITY + "-WG01"));
        // a retried create answers the same request
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(form).post("/api/v1/service-requests")
                .then().statusCode(200).body("id", equalTo(clientId));
        JsonNode requested = Fixtures.awaitEvent("ServiceRequested", "requestId", clientId).data();
        assertEquals(fieldsWith("source", "details", "wantedBy", "alertId"), Fixtures.fields(requested));
        assertEquals("周三上午陪同去市一院复查", requested.path("details").asText());

        // not yet dispatched: the volunteer does not see it
        Orders.get(volunteerToken, clientId).statusCode(404);
        Orders.dispatch(worker, clientId, "volunteerId", volunteer).statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("statusLabel", equalTo("已派单"))
                .body("assigneeKind", equalTo("VOLUNTEER")).body("assigneeId", equalTo(volunteer));
        JsonNode dispatched = Fixtures.awaitEvent("ServiceRequestDispatched", "requestId", clientId).data();
        assertEquals(fieldsWith("assigneeKind", "assigneeId", "assigneeName"), Fixtures.fields(dispatched));
        assertEquals(cadre.toString(), dispatched.path("cadreId").asText());

        given().auth().oauth2(volunteerToken).get("/api/v1/service-requests?size=100").then().statusCode(200)
                .body("items.id", hasItem(clientId));
        Orders.post(volunteerToken, clientId, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("statusLabel", equalTo("已接单"));
        assertEquals(fieldsWith("assigneeKind", "assigneeId", "assigneeName"),
                Fixtures.fields(Fixtures.awaitEvent("ServiceRequestAccepted", "requestId", clientId).data()));

        String record = Orders.post(volunteerToken, clientId, "complete",
                Map.of("notes", "已陪同就诊，取药回家", "hours", 2.5)).statusCode(200).body("status", equalTo("DONE"))
                .body("statusLabel", equalTo("已完成")).body("hours", equalTo(2.5f))
                .body("creditedVolunteerId", equalTo(volunteer)).extract().path("serviceRecordId");
        JsonNode completed = Fixtures.awaitEvent("ServiceRequestCompleted", "requestId", clientId).data();
        assertEquals(fieldsWith("assigneeKind", "assigneeId", "assigneeName", "hours", "creditedVolunteerId"),
                Fixtures.fields(completed));
        assertEquals("2.5", completed.path("hours").asText());

        // the time bank: a VERIFIED service record of the request, earned once, announced as ServiceHoursLogged
        given().auth().oauth2(volunteerToken).get("/api/v1/volunteers/" + volunteer + "/hours").then()
                .statusCode(200).body("balance", equalTo(2.5f)).body("totals.EARNED", equalTo(2.5f));
        given().auth().oauth2(worker).get("/api/v1/service-records/" + record).then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("beneficiaryCadreId", equalTo(cadre.toString()))
                .body("serviceType", equalTo("ELDER_HELP"));
        JsonNode logged = Fixtures.awaitEvent("ServiceHoursLogged", "recordId", record).data();
        assertEquals(volunteer, logged.path("volunteerId").asText());
        assertEquals(cadre.toString(), logged.path("beneficiaryCadreId").asText());
    }

    @Test
    void movesOutOfOrderAreConflicts() {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String volunteer = Orders.volunteer("req-vol-911b", COMMUNITY, "13900911002");
        String request = Orders.open(worker, cadre, "REPAIR", "厨房水龙头漏水");
        Orders.post(worker, request, "accept", null).statusCode(409).contentType("application/problem+json");
        Orders.post(worker, request, "complete", Map.of("hours", 1)).statusCode(409);
        Orders.post(worker, request, "decline", null).statusCode(409);
        Orders.dispatch(worker, request, "volunteerId", volunteer).statusCode(200);
        Orders.dispatch(worker, request, "volunteerId", volunteer).statusCode(409);
        Orders.post(worker, request, "complete", null).statusCode(409);
        Orders.post(worker, request, "accept", null).statusCode(200);
        Orders.post(worker, request, "accept", null).statusCode(409);
        Orders.post(worker, request, "complete", null).statusCode(200).body("hours", nullValue())
                .body("creditedVolunteerId", nullValue());
        Orders.post(worker, request, "cancel", Map.of("reason", "重复")).statusCode(409);
        Orders.post(worker, request, "complete", null).statusCode(409);

        String other = Orders.open(worker, cadre, "REPAIR", "门锁坏了");
        Orders.post(worker, other, "cancel", Map.of("reason", "已自行修好")).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusLabel", equalTo("已取消"))
                .body("cancelReason", equalTo("已自行修好"));
        assertEquals(fieldsWith("reason"),
                Fixtures.fields(Fixtures.awaitEvent("ServiceRequestCancelled", "requestId", other).data()));
        Orders.post(worker, other, "cancel", null).statusCode(409);
        Orders.dispatch(worker, other, "volunteerId", volunteer).statusCode(409);
    }

    @Test
    void aProviderMustOfferTheServiceAndADeclineReturnsTheRequestForAnotherDispatch() {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String cleaners = Orders.provider(worker, COMMUNITY, List.of("HOUSEKEEPING"));
        String escorts = Orders.provider(worker, COMMUNITY, List.of("MEDICAL_ESCORT", "COMPANIONSHIP"));
        String elsewhere = Orders.provider(TestTokens.districtAdmin(), "SQ912", List.of("MEDICAL_ESCORT"));
        String volunteer = Orders.volunteer("req-vol-911c", COMMUNITY, "13900911003");
        String request = Orders.open(worker, cadre, "MEDICAL_ESCORT", "陪同去医院拿药");

        Orders.dispatch(worker, request, "providerId", cleaners).statusCode(409).contentType("application/problem+json");
        Orders.dispatch(worker, request, "providerId", elsewhere).statusCode(409);
        Orders.dispatch(worker, request, "providerId", UUID.randomUUID().toString()).statusCode(400)
                .body("violations.field", hasItem("providerId"));
        Orders.dispatch(worker, request, "volunteerId", UUID.randomUUID().toString()).statusCode(400)
                .body("violations.field", hasItem("volunteerId"));
        Orders.post(worker, request, "dispatch", Map.of()).statusCode(400).body("violations.field", hasItem("body"));
        Orders.post(worker, request, "dispatch", Map.of("providerId", escorts, "volunteerId", volunteer))
                .statusCode(400).body("violations.field", hasItem("body"));

        Orders.dispatch(worker, request, "providerId", escorts).statusCode(200)
                .body("assigneeKind", equalTo("PROVIDER")).body("assigneeName", equalTo("便民服务社"));
        // staff decline on the provider's behalf (a phone call): back to 待派单, without assignee
        Orders.post(worker, request, "decline", Map.of("reason", "本周人手不足")).statusCode(200)
                .body("status", equalTo("REQUESTED")).body("assigneeId", nullValue()).body("declines", equalTo(1));
        JsonNode declined = Fixtures.awaitEvent("ServiceRequestDeclined", "requestId", request).data();
        assertEquals(fieldsWith("assigneeKind", "assigneeId", "assigneeName", "reason", "declines"),
                Fixtures.fields(declined));
        assertEquals(escorts, declined.path("assigneeId").asText());
        assertEquals("REQUESTED", declined.path("status").asText());

        String volunteerToken = Orders.volunteerToken("req-vol-911c", COMMUNITY);
        Orders.dispatch(worker, request, "volunteerId", volunteer).statusCode(200).body("status", equalTo("DISPATCHED"));
        Orders.post(volunteerToken, request, "decline", null).statusCode(200).body("declines", equalTo(2));
        // declined: no longer the volunteer's to see
        Orders.get(volunteerToken, request).statusCode(404);
        Orders.post(volunteerToken, request, "accept", null).statusCode(404);

        // providers: listed by community and type, another community's provider is not seen
        given().auth().oauth2(worker).get("/api/v1/providers?serviceType=MEDICAL_ESCORT&size=100").then()
                .statusCode(200).body("items.id", hasItem(escorts)).body("items.id", not(hasItem(cleaners)))
                .body("items.id", not(hasItem(elsewhere)));
        given().auth().oauth2(worker).get("/api/v1/providers/" + elsewhere).then().statusCode(404);
        given().auth().oauth2(worker).get("/api/v1/providers?communityCode=SQ912").then().statusCode(403);
        given().auth().oauth2(worker).get("/api/v1/providers/" + escorts).then().statusCode(200)
                .body("serviceTypeLabels", hasItem("就医陪护")).body("communityCodes", equalTo(List.of(COMMUNITY)));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("name", "越界服务社", "serviceTypes", List.of("REPAIR"),
                        "communityCodes", List.of(COMMUNITY, "SQ912"), "phone", "0571-87000001"))
                .post("/api/v1/providers").then().statusCode(403);
    }

    @Test
    void staffOpenOnlyForCadresOfTheirScopeAndAPartnerForAnyKnownCadre() {
        UUID mine = Fixtures.activeCadre(COMMUNITY);
        UUID theirs = Fixtures.activeCadre("SQ912");
        UUID gone = Fixtures.cadre(COMMUNITY, "DECEASED", "FULL");
        String worker = Orders.worker(COMMUNITY);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("cadreId", theirs.toString(), "serviceType", "REPAIR", "details", "修灯"))
                .post("/api/v1/service-requests").then().statusCode(403);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("cadreId", UUID.randomUUID().toString(), "serviceType", "REPAIR", "details", "修灯"))
                .post("/api/v1/service-requests").then().statusCode(400).body("violations.field", hasItem("cadreId"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("cadreId", gone.toString(), "serviceType", "REPAIR", "details", "修灯"))
                .post("/api/v1/service-requests").then().statusCode(409);
        String grid = TestTokens.named("grid-911").roles("grid-worker").grids(COMMUNITY + "-WG01").token();
        String byGrid = Orders.open(grid, mine, "SHOPPING", "代买米面油");
        Orders.get(grid, byGrid).statusCode(200);

        String partner = TestTokens.user("partner").token();
        String hotline = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("cadreId", theirs.toString(), "serviceType", "HAIRCUT", "details", "12345转来：上门理发"))
                .post("/api/v1/service-requests").then().statusCode(201).body("source", equalTo("PARTNER"))
                .extract().path("id");
        // a partner opens, it reads nothing
        given().auth().oauth2(partner).get("/api/v1/service-requests/" + hotline).then().statusCode(403);
        Orders.get(worker, hotline).statusCode(404);
        Orders.get(Orders.worker("SQ912"), hotline).statusCode(200).body("serviceType", equalTo("HAIRCUT"));
        given().auth().oauth2(worker).get("/api/v1/service-requests?communityCode=SQ912").then().statusCode(403);
        given().auth().oauth2(worker).get("/api/v1/service-requests?cadreId=" + theirs).then().statusCode(403);
        given().auth().oauth2(worker).get("/api/v1/service-requests?cadreId=" + mine + "&size=100").then()
                .statusCode(200).body("items.id", hasItem(byGrid)).body("items.id", not(hasItem(hotline)));
    }
}
