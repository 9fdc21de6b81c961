package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testapp.DemoOrgHierarchy;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** District bureaus of a city see their own districts' communities; the city sees all; a one-district install is as before. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class DistrictScopeTest {

    @Inject
    DemoOrgHierarchy hierarchy;

    @AfterEach
    void oneDistrictAgain() {
        hierarchy.city(false);
    }

    @Test
    void aDistrictAdminOfACitySeesTheCommunitiesOfItsDistrictsOnly() {
        hierarchy.city(true);
        given().auth().oauth2(TestTokens.user("district-admin").districts("QX01").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("everything", equalTo(false))
                .body("districts", contains("QX01"))
                .body("communities", contains("SQ001", "SQ002"));
        given().auth().oauth2(TestTokens.user("district-admin").districts("QX02").token())
                .get("/api/v1/test-notes/scoped/SQ001")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user("district-admin").districts("QX02").token())
                .get("/api/v1/test-notes/scoped/SQ003")
                .then().statusCode(200);
    }

    @Test
    void aDistrictAdminOfACityThatNamesNoDistrictSeesNothing() {
        hierarchy.city(true);
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("everything", equalTo(false))
                .body("communities", empty());
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes/scoped/SQ001")
                .then().statusCode(403);
    }

    @Test
    void aOneDistrictDeploymentKeepsItsDistrictAdminsTokensAsTheyAre() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("everything", equalTo(true))
                .body("cityAdmin", equalTo(false));
    }

    @Test
    void aCityAdminHoldsEveryDistrictAdminRightAcrossTheCity() {
        hierarchy.city(true);
        // the scope endpoint admits district-admin, not city-admin: the kit gives a city admin that role too
        given().auth().oauth2(TestTokens.user("city-admin").districts("QX01").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("everything", equalTo(true))
                .body("cityAdmin", equalTo(true))
                .body("districts", empty());
        given().auth().oauth2(TestTokens.user("city-admin").token())
                .get("/api/v1/test-notes/scoped/SQ003")
                .then().statusCode(200);
    }
}
