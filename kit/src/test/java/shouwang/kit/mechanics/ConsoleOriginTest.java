package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * The web workbench (console/, http://localhost:8080) calls every service from the browser: its preflights are
 * answered before authentication and its requests carry the CORS headers; another origin gets none of them.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ConsoleOriginTest {

    private static final String CONSOLE = "http://localhost:8080";

    @Test
    void theConsolesPreflightIsAllowedWithoutAToken() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/test-notes")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void theConsolesRequestsMayReadTheAnswer() {
        given().auth().oauth2(TestTokens.districtAdmin()).header("Origin", CONSOLE)
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/test-notes")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
