package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** One caller past its budget on an expensive endpoint gets 429 with Retry-After; other callers are unaffected. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class RateLimitTest {

    @Test
    void aCallerPastItsBudgetIsToldWhenToComeBack() {
        String flooder = TestTokens.named("flooder").roles("district-admin").token();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(flooder).get("/api/v1/test-notes/expensive").then().statusCode(200);
        }
        given().auth().oauth2(flooder).get("/api/v1/test-notes/expensive").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));

        String other = TestTokens.named("someone-else").roles("district-admin").token();
        given().auth().oauth2(other).get("/api/v1/test-notes/expensive").then().statusCode(200)
                .body("user", equalTo("someone-else"));
    }
}
