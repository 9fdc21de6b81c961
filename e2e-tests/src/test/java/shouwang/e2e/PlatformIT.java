package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import shouwang.e2e.Platform.Service;

/** Every packaged service starts against the real broker and database, is ready, and guards its API. */
class PlatformIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceIsReadyAndRequiresAToken(Service service) {
        Platform platform = Platform.get();
        given().get(platform.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(platform.api(service) + "/anything").then().statusCode(401);
        given().get(platform.url(service) + "/q/openapi").then().statusCode(200);
    }
}
