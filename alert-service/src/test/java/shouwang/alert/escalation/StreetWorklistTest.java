package shouwang.alert.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.security.Roles;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** Street officers (街道) and the bureau work their overdue alerts; a street officer sees its streets' only. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class StreetWorklistTest {

    private static String streetOfficer(String... streets) {
        return TestTokens.user(Roles.STREET_OFFICER).streets(streets).token();
    }

    /** The visits of the alert's current level are late by a minute (inside the deadline watch's grace). */
    private static void makeOverdue(UUID alertId) {
        QuarkusTransaction.requiringNew().run(() -> Alert.update("deadline = ?1 where id = ?2",
                Instant.now().minus(Duration.ofMinutes(1)), alertId));
    }

    @Test
    void aStreetOfficerSeesReadsAndAcknowledgesTheAlertsOfItsStreetsCommunitiesOnly() {
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ711", "东一社区", "JD711", 1, List.of());
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ712", "东二社区", "JD711", 1, List.of());
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ713", "西一社区", "JD712", 1, List.of());
        UUID first = Api.report(Fixtures.knownCadre("SQ711", "SQ711-WG01", "DW711"), "HARDSHIP");
        UUID second = Api.report(Fixtures.knownCadre("SQ712", "SQ712-WG01", "DW711"), "WORRY");
        UUID otherStreetsCadre = Fixtures.knownCadre("SQ713", "SQ713-WG01", "DW711");
        UUID otherStreets = Api.report(otherStreetsCadre, "HARDSHIP");
        String officer = streetOfficer("JD711");

        Api.as(officer).get("/api/v1/alerts?size=200").then().statusCode(200)
                .body("items.id", hasItems(first.toString(), second.toString()))
                .body("items.id", not(hasItem(otherStreets.toString())))
                .body("items.communityCode", everyItem(in(List.of("SQ711", "SQ712"))));
        Api.as(officer).get("/api/v1/alerts/" + first).then().statusCode(200).body("communityCode", equalTo("SQ711"));
        Api.as(officer).get("/api/v1/alerts/" + otherStreets).then().statusCode(404);
        Api.as(officer).post("/api/v1/alerts/" + second + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        Api.as(officer).post("/api/v1/alerts/" + otherStreets + "/acknowledge").then().statusCode(403);
        Api.as(officer).get("/api/v1/alerts?communityCode=SQ713").then().statusCode(403);
        Api.as(officer).get("/api/v1/alerts?cadreId=" + otherStreetsCadre).then().statusCode(403);
        Api.as(officer).get("/api/v1/alerts?communityCode=SQ712").then().statusCode(200)
                .body("items.id", hasItem(second.toString()));
        Api.as(officer).body("{\"reason\":\"DUPLICATE_REPORT\",\"note\":\"重复\"}")
                .post("/api/v1/alerts/" + first + "/resolve").then().statusCode(403);
        Api.as(streetOfficer("JD799")).get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void inAOneDistrictDeploymentTheBoardHasOneEntryOfNoDistrictAndAStreetOfficerCountsItsStreetsAlone() {
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ716", "中一社区", "JD716", 1, List.of());
        UUID open = Api.report(Fixtures.knownCadre("SQ716", "SQ716-WG01", "DW716"), "HARDSHIP");
        makeOverdue(open);
        Api.report(Fixtures.knownCadre("SQ716", "SQ716-WG02", "DW716"), "WORRY");
        Api.as(streetOfficer("JD716")).get("/api/v1/alerts/statistics").then().statusCode(200)
                .body("open", equalTo(2)).body("overdue", equalTo(1))
                .body("byLevel.open", equalTo(List.of(2, 0, 0, 0)))
                .body("byDistrict.size()", equalTo(1))
                .body("byDistrict[0].districtCode", nullValue())
                .body("byDistrict[0].open", equalTo(2));
        JsonPath all = Api.admin().get("/api/v1/alerts/statistics").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, all.getList("byDistrict").size());
        assertEquals(all.getInt("open"), all.getInt("byDistrict[0].open"));
    }

    @Test
    void theOverdueWorklistListsTheAlertsPastTheirDeadlineNotResolvedWithinScopeAndTheOtherFilters() {
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ714", "南一社区", "JD714", 1, List.of());
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ715", "北一社区", "JD715", 1, List.of());
        UUID late = Api.report(Fixtures.knownCadre("SQ714", "SQ714-WG01", "DW714"), "HARDSHIP");
        UUID lateAcknowledged = Api.report(Fixtures.knownCadre("SQ714", "SQ714-WG02", "DW714"), "WORRY");
        UUID onTime = Api.report(Fixtures.knownCadre("SQ714", "SQ714-WG03", "DW714"), "WORRY");
        UUID lateResolved = Api.report(Fixtures.knownCadre("SQ714", "SQ714-WG04", "DW714"), "WORRY");
        UUID lateElsewhere = Api.report(Fixtures.knownCadre("SQ715", "SQ715-WG01", "DW715"), "HARDSHIP");
        List.of(late, lateAcknowledged, lateResolved, lateElsewhere).forEach(StreetWorklistTest::makeOverdue);
        Api.admin().post("/api/v1/alerts/" + lateAcknowledged + "/acknowledge").then().statusCode(200);
        Api.admin().body("{\"reason\":\"REPORTED_IN_ERROR\",\"note\":\"核实不属实\"}")
                .post("/api/v1/alerts/" + lateResolved + "/resolve").then().statusCode(200);
        String officer = streetOfficer("JD714");

        List<String> overdue = Api.as(officer).get("/api/v1/alerts?overdue=true&size=200").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(lateAcknowledged.toString(), late.toString()), overdue, "newest first");
        Api.as(officer).get("/api/v1/alerts?overdue=true&kind=HARDSHIP&level=0").then()
                .body("items.id", equalTo(List.of(late.toString())));
        Api.as(officer).get("/api/v1/alerts?overdue=true&level=1").then().body("total", equalTo(0));
        Api.as(officer).get("/api/v1/alerts?overdue=false&communityCode=SQ714").then()
                .body("items.id", hasItems(onTime.toString(), lateResolved.toString()))
                .body("items.id", not(hasItem(late.toString())));
        Api.admin().get("/api/v1/alerts?overdue=true&size=200").then()
                .body("items.id", hasItems(late.toString(), lateAcknowledged.toString(), lateElsewhere.toString()))
                .body("items.id", not(hasItem(lateResolved.toString())))
                .body("items.id", not(hasItem(onTime.toString())));
        Api.admin().get("/api/v1/alerts?overdue=true&communityCode=SQ715").then()
                .body("items.id", equalTo(List.of(lateElsewhere.toString())));
    }
}
