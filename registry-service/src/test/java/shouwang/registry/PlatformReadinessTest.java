package shouwang.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;


@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PlatformReadinessTest {

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
