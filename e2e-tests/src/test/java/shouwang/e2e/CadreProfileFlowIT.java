package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/** A cadre registered in registry-service reaches visit-service's read model through cadre-profiles, contacts included. */
class CadreProfileFlowIT {

    @Test
    void aRegisteredCadreAndItsContactsReachVisitService() {
        Platform platform = Platform.get();
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "刘振华");
        String admin = Fixtures.admin();

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("layer", "UNIT", "name", "单位联络员", "phone", "13900000001", "orgCode", orgs[0]),
                        Map.of("layer", "COMMUNITY", "name", "社区书记", "phone", "13900000002", "orgCode", orgs[1]),
                        Map.of("layer", "GRID", "name", "网格员", "phone", "13900000003", "orgCode", orgs[2])))
                .put(platform.api(Service.REGISTRY) + "/cadres/" + cadreId + "/contacts")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                        .get(platform.api(Service.VISIT) + "/contacts")
                        .then().statusCode(200)
                        .body("layer", hasItem("COMMUNITY"))
                        .body("orgCode", hasItem(orgs[2])));
    }
}
