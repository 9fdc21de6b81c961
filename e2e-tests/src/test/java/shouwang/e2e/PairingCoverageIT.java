package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/**
 * A pairing (结对帮扶) made in volunteer-service reaches visit-service through `volunteering`: the volunteer becomes
 * the cadre's NEIGHBOUR contact, an overdue neighbour contact shows in coverage, and a neighbour visit clears it.
 */
class PairingCoverageIT {

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();

    @Test
    void aPairedVolunteerBecomesTheNeighbourContactAndCountsInCoverage() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "黄桂兰");
        LocalDate today = Platform.today();
        Map<String, Object> pairing = Map.of("cadreId", cadreId, "volunteerName", "邻居老张", "phone", "13700000009",
                "cadence", "P7D", "startedOn", today.minusDays(10).toString());

        // volunteer-service answers 400 until the cadre's profile has reached it through cadre-profiles
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth()
                .oauth2(admin).contentType(ContentType.JSON).body(pairing)
                .post(platform.api(Service.VOLUNTEER) + "/pairings").statusCode() == 201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                        .get(platform.api(Service.VISIT) + "/contacts")
                        .then().statusCode(200)
                        .body("layer", hasItem("NEIGHBOUR")));
        assertThat(overdueLayers(orgs[1], cadreId, today)).contains("NEIGHBOUR");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadreId, "visitedAt", OffsetDateTime.now().minusMinutes(5).toString(),
                        "channel", "IN_PERSON", "visitorName", "邻居老张", "layer", "NEIGHBOUR", "notes", "上门看望"))
                .post(platform.api(Service.VISIT) + "/visits")
                .then().statusCode(201);

        assertThat(overdueLayers(orgs[1], cadreId, today)).doesNotContain("NEIGHBOUR");
    }

    private List<String> overdueLayers(String communityCode, String cadreId, LocalDate on) {
        List<Map<String, Object>> items = given().auth().oauth2(admin)
                .queryParam("communityCode", communityCode).queryParam("on", on.toString()).queryParam("size", 500)
                .get(platform.api(Service.VISIT) + "/coverage")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> cadreId.equals(item.get("cadreId")))
                .map(item -> (String) item.get("layer")).toList();
    }
}
