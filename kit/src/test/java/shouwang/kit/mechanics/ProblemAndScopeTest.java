package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** Bad input is a problem+json naming the field, never a 5xx; scope and roles are enforced. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ProblemAndScopeTest {

    @Test
    void aMissingFieldIsNamedInTheViolations() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"key\":\"k\"}")
                .post("/api/v1/test-notes")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("violations.field", hasItem("body"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"key\": ")
                .post("/api/v1/test-notes")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("body"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"key\":\"k\",\"body\":\"b\",\"colour\":\"BLUE\"}")
                .post("/api/v1/test-notes")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("RED"));
    }

    @Test
    void aBadQueryParameterIsNamed() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes?page=-1")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes?since=yesterday")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("since"));
    }

    @Test
    void aListHasTheContractPageShape() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes?page=2&size=10")
                .then().statusCode(200)
                .body("page", equalTo(2)).body("size", equalTo(10)).body("total", equalTo(0));
    }

    @Test
    void anUnknownRecordIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/test-notes/not-a-uuid")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void withoutATokenTheApiAnswers401ButHealthIsOpen() {
        given().get("/api/v1/test-notes").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aRoleWithoutAccessIsForbidden() {
        given().auth().oauth2(TestTokens.user("volunteer").communities("SQ001").token())
                .get("/api/v1/test-notes")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aScopedUserReachesItsCommunityOnly() {
        String worker = TestTokens.user("community-worker").communities("SQ001", "SQ002").token();
        given().auth().oauth2(worker).get("/api/v1/test-notes/scoped/SQ002")
                .then().statusCode(200).body("user", equalTo("community-worker"));
        given().auth().oauth2(worker).get("/api/v1/test-notes/scoped/SQ009")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/test-notes/scoped/SQ009")
                .then().statusCode(200);
    }
}
