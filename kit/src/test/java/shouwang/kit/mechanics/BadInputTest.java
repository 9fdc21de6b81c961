package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * Input a hostile or careless client sends, answered as a 4xx problem naming the field (never a 5xx, never parser
 * internals): what the kit's JSON rules and mappers do for every service at once.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class BadInputTest {

    private static ValidatableResponse post(String contentType, String body) {
        var request = given().auth().oauth2(TestTokens.districtAdmin()).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (contentType != null) {
            request = request.header("Content-Type", contentType);
        }
        return request.post("/api/v1/test-notes").then().contentType(startsWith("application/problem+json"));
    }

    private static ValidatableResponse postJson(String body) {
        return post("application/json", body);
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingIt() {
        postJson("{\"key\":\"k\",\"body\":\"first\",\"body\":\"second\"}").statusCode(400)
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", equalTo("appears more than once"));
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsABadRequest() {
        String deep = "{\"key\":\"k\",\"body\":\"b\",\"x\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";
        // refused while skipping the unknown field or at depth 1,000, whichever Jackson meets first: a 400 either way
        postJson(deep).statusCode(400).body("detail", not(containsString("com.fasterxml")));
        postJson("[".repeat(1_500) + "]".repeat(1_500)).statusCode(400);
    }

    @Test
    void aFieldTheRequestDoesNotKnowIsRefusedNamingIt() {
        // a misspelt field dropped in silence would save the row without it
        postJson("{\"key\":\"k\",\"body\":\"b\",\"colur\":\"RED\"}").statusCode(400)
                .body("violations[0].field", equalTo("colur"));
    }

    @Test
    void anEnumIsItsExactName() {
        postJson("{\"key\":\"k\",\"body\":\"b\",\"colour\":\" RED\"}").statusCode(400)
                .body("violations[0].field", equalTo("colour"));
    }

    @Test
    void aBodyOverTheLimitAndAnOverlongUriAreProblemsToo() throws Exception {
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/test-notes"))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/test-notes?since=" + "x".repeat(10_000))
                .then().statusCode(414).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("uri"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"colour\":0              | colour",
            "\"colour\":\"\"           | colour",
            "\"when\":-1               | when",
            "\"when\":1767225600       | when",
            "\"when\":\"\"             | when",
            "\"when\":\"+999999999-12-31T00:00:00Z\" | when",
            "\"due\":\"-0001-12-31\"   | due",
            "\"due\":\"+10000-01-01\"  | due",
            "\"due\":20260101          | due" })
    void enumsDatesAndInstantsAreTheirIsoOrNameFormsOnly(String field, String name) {
        postJson("{\"key\":\"k\",\"body\":\"b\"," + field + "}").statusCode(400)
                .body("violations[0].field", equalTo(name));
    }

    @Test
    void aGoodDateAndInstantAreStillTaken() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/json")
                .body("{\"key\":\"k-ok\",\"body\":\"b\",\"when\":\"2026-01-31T08:00:00+08:00\",\"due\":\"2026-02-01\"}")
                .post("/api/v1/test-notes").then().statusCode(200);
    }

    @Test
    void aBodyWithoutContentTypeOrInAnotherCharsetIsUnsupported() throws Exception {
        // a plain client: test HTTP libraries add a Content-Type of their own to any body
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/test-notes"))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"body\":\"b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(415);
        assertThat(bare.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(bare.body()).contains("\"field\":\"Content-Type\"");
        post("application/json; charset=GBK", "{\"key\":\"k\",\"body\":\"b\"}").statusCode(415)
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void aParserMessageSpeaksTheCallersTerms() {
        postJson("{\"key\": 'single-quoted'}").statusCode(400)
                .body("detail", not(containsString("Feature")))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void aQueryDateOutsideTheYearsEveryStoreHoldsIsNamed() {
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/test-notes?since=+999999999-12-31T00:00:00Z")
                .then().statusCode(400).body("violations[0].field", equalTo("since"));
    }
}
