package shouwang.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service promises an operator and a client before anything else: ready with its database and broker,
 * 401 without a token, the API description public. Extend it with {@code @QuarkusTest} and the service's profile.
 */
public abstract class ReadinessContract {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiRejectsRequestsWithoutToken() {
        given().when().get("/api/v1/anything").then().statusCode(401);
    }

    @Test
    void apiDescriptionIsPublic() {
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
