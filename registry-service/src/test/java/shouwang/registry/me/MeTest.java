package shouwang.registry.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/** GET /me: the cadre's own record, its contacts published to it (上墙公布), and nothing of anyone else. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class MeTest {

    private static final String ADMIN = TestTokens.districtAdmin();

    private final String p = TestData.prefix();

    @BeforeEach
    void district() {
        TestData.org(p);
    }

    @Test
    void aCadreSeesItsOwnRecordContactsAndHouseholdWithTheIdNumberMasked() {
        Map<String, Object> body = TestData.cadre(p, "王建国", LocalDate.of(1941, 2, 3), true);
        String idNumber = (String) body.get("idNumber");
        String me = TestData.register(body);
        String wife = TestData.register(TestData.cadre(p, "李淑珍", LocalDate.of(1943, 6, 9), false));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(List.of(
                Map.of("layer", "UNIT", "name", "陈志强", "phone", "13905310101", "orgCode", p + "-DW"),
                Map.of("layer", "COMMUNITY", "name", "李秀兰", "phone", "13853100201", "orgCode", p + "-SQ1"),
                Map.of("layer", "GRID", "name", "王海燕", "phone", "15864020301", "orgCode", p + "-SQ1-WG1")))
                .put("/api/v1/cadres/" + me + "/contacts").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("withCadreId", wife))
                .put("/api/v1/cadres/" + me + "/household").then().statusCode(200);

        String token = TestTokens.user("cadre").cadre(me).token();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("profile.id", equalTo(me)).body("profile.name", equalTo("王建国"))
                .body("profile.idNumber", not(equalTo(idNumber)))
                .body("profile.idNumber", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("contacts.layer", hasItem("COMMUNITY"))
                .body("contacts.find { it.layer == 'COMMUNITY' }.name", equalTo("李秀兰"))
                .body("contacts.find { it.layer == 'COMMUNITY' }.phone", equalTo("13853100201"))
                .body("contacts.find { it.layer == 'COMMUNITY' }.layerLabel", equalTo("社区"))
                .body("contacts.find { it.layer == 'COMMUNITY' }.orgName", equalTo("幸福里社区"))
                .body("household[0].id", equalTo(wife)).body("household[0].name", equalTo("李淑珍"));

        given().auth().oauth2(token).get("/api/v1/cadres/" + wife).then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/cadres").then().statusCode(403);
    }

    @Test
    void onlyACadreTokenNamingAKnownCadreHasAMe() {
        given().auth().oauth2(TestTokens.user("cadre").cadre(UUID.randomUUID()).token()).get("/api/v1/me")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user("cadre").token()).get("/api/v1/me").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/me").then().statusCode(403);
    }
}
