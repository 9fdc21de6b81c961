package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.volunteer.Fixtures;

/** GET /statistics/service counts done service requests, and the record a request's hours made only once. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class RequestStatisticsTest {

    static final String COMMUNITY = "SQ961";

    @Test
    void doneRequestsCountOnceBesideTheVerifiedRecords() {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String volunteer = Orders.volunteer("req-vol-961", COMMUNITY, "13900961001");
        // a verified record of its own (no request)
        String record = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", volunteer, "communityCode", COMMUNITY, "serviceType", "ELDER_HELP",
                        "servedOn", "2026-01-05", "hours", 1, "peopleServed", 3))
                .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).post("/api/v1/service-records/" + record + "/verify").then().statusCode(200);
        // a medical escort by the volunteer, with hours (which make a verified record too: not counted twice)
        String escort = Orders.open(worker, cadre, "MEDICAL_ESCORT", "陪同体检");
        Orders.dispatch(worker, escort, "volunteerId", volunteer).statusCode(200);
        Orders.post(worker, escort, "accept", null).statusCode(200);
        Orders.post(worker, escort, "complete", Map.of("hours", 2)).statusCode(200);
        // housekeeping by a provider, no hours
        String cleaning = Orders.open(worker, cadre, "HOUSEKEEPING", "打扫卫生");
        Orders.dispatch(worker, cleaning, "providerId", Orders.provider(worker, COMMUNITY, List.of("HOUSEKEEPING")))
                .statusCode(200);
        Orders.post(worker, cleaning, "accept", null).statusCode(200);
        Orders.post(worker, cleaning, "complete", null).statusCode(200);
        // neither open nor cancelled requests count
        Orders.open(worker, cadre, "HOUSEKEEPING", "还没派单");
        Orders.post(worker, Orders.open(worker, cadre, "REPAIR", "取消了"), "cancel", null).statusCode(200);

        given().auth().oauth2(worker).get("/api/v1/statistics/service?communityCode=" + COMMUNITY).then()
                .statusCode(200)
                .body("total.records", equalTo(1)).body("total.peopleServed", equalTo(3))
                .body("total.hours", equalTo(1.0f)).body("total.volunteers", equalTo(1))
                .body("byServiceType.ELDER_HELP.records", equalTo(1))
                .body("requests.total.records", equalTo(2)).body("requests.total.peopleServed", equalTo(2))
                .body("requests.total.hours", equalTo(2.0f)).body("requests.total.volunteers", equalTo(1))
                .body("requests.byType.MEDICAL_ESCORT.records", equalTo(1))
                .body("requests.byType.MEDICAL_ESCORT.hours", equalTo(2.0f))
                .body("requests.byType.HOUSEKEEPING.records", equalTo(1))
                .body("requests.byCommunity." + COMMUNITY + ".total.records", equalTo(2))
                .body("requests.byCommunity." + COMMUNITY + ".byType.HOUSEKEEPING.hours", equalTo(0.0f))
                .body("allServices.records", equalTo(3)).body("allServices.peopleServed", equalTo(5))
                .body("allServices.hours", equalTo(3.0f)).body("allServices.volunteers", equalTo(1));
        // another community's worker sees none of it
        given().auth().oauth2(Orders.worker("SQ962")).get("/api/v1/statistics/service").then().statusCode(200)
                .body("requests.total.records", equalTo(0)).body("allServices.records", equalTo(0));
    }
}
