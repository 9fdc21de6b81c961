package shouwang.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.TestTokens;

/**
 * What a hostile or careless client sends to every JSON endpoint: a field given twice, enums by number or padded,
 * dates no database holds, JSON nested 1,500 deep, megabyte strings. Each is a 4xx problem+json naming the field,
 * never a 5xx, and never "the last value wins".
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    private String p;
    private String admin;
    private String cadreId;

    @BeforeEach
    void district() {
        p = TestData.district();
        admin = TestTokens.districtAdmin();
        cadreId = TestData.register(TestData.cadre(p, "王建国", LocalDate.of(1938, 10, 2), true));
    }

    /** Every JSON endpoint of the service, with a body that names one field twice (a list element's with its path). */
    static Stream<Arguments> duplicateFields() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/org/units", "{\"code\":\"{p}-U2\",\"name\":\"甲\",\"code\":\"{p}-U3\"}",
                        "code"),
                Arguments.of("POST", "/api/v1/org/communities",
                        "{\"code\":\"{p}-C2\",\"name\":\"甲\",\"streetName\":\"东\",\"name\":\"乙\"}", "name"),
                Arguments.of("POST", "/api/v1/org/grids",
                        "{\"code\":\"{p}-G2\",\"name\":\"甲\",\"communityCode\":\"{p}-SQ1\",\"communityCode\":\"{p}-SQ2\"}",
                        "communityCode"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre,\"rank\":\"OTHER\"}", "rank"),
                Arguments.of("PUT", "/api/v1/cadres/{id}", "{cadre,\"name\":\"李四\"}", "name"),
                Arguments.of("PUT", "/api/v1/cadres/{id}/contacts",
                        "[{\"layer\":\"UNIT\",\"name\":\"李红\",\"phone\":\"13900000001\",\"phone\":\"13900000002\"}]",
                        "[0].phone"),
                Arguments.of("POST", "/api/v1/cadres",
                        "{cadre,\"contacts\":[{\"layer\":\"UNIT\",\"layer\":\"GRID\",\"name\":\"李红\",\"phone\":\"13900000001\"}]}",
                        "contacts[0].layer"),
                Arguments.of("PUT", "/api/v1/cadres/{id}",
                        "{cadre,\"familyContacts\":[{\"name\":\"王小明\"},{\"name\":\"王小红\",\"name\":\"王小军\"}]}",
                        "familyContacts[1].name"),
                Arguments.of("POST", "/api/v1/cadres/{id}/moves",
                        "{\"communityCode\":\"{p}-SQ2\",\"communityCode\":\"{p}-SQ1\"}", "communityCode"),
                Arguments.of("POST", "/api/v1/cadres/{id}/death", "{\"diedOn\":\"2020-01-01\",\"diedOn\":\"2021-01-01\"}",
                        "diedOn"));
    }

    /** A field given twice, an enum that is not exactly its name, a date no database holds: a 400 naming the field. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource({ "duplicateFields", "badEnums", "datesNoDatabaseHolds" })
    void aBadFieldIsA400NamingIt(String method, String path, String body, String field) {
        send(method, path, body).statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(field));
    }

    @Test
    void nothingWasChangedByTheRefusedDuplicates() {
        send("POST", "/api/v1/cadres/{id}/death", "{\"diedOn\":\"2020-01-01\",\"diedOn\":\"2021-01-01\"}").statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/cadres/" + cadreId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
    }

    /** An enum by number, padded, in another case: in a body, a list, a set. */
    static Stream<Arguments> badEnums() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/cadres", "{cadre-gender,\"gender\":0}", "gender"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-gender,\"gender\":\"0\"}", "gender"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-rank,\"rank\":\" COUNTY_CHIEF\"}", "rank"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-rank,\"rank\":\"COUNTY_CHIEF \"}", "rank"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-rank,\"rank\":\"county_chief\"}", "rank"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-rank,\"rank\":4}", "rank"),
                Arguments.of("PUT", "/api/v1/cadres/{id}", "{cadre-selfCare,\"selfCare\":\"\\tFULL\"}", "selfCare"),
                Arguments.of("PUT", "/api/v1/cadres/{id}", "{cadre-specialCategories,\"specialCategories\":[\" DISABLED\"]}",
                        "specialCategories[0]"),
                Arguments.of("PUT", "/api/v1/cadres/{id}/contacts",
                        "[{\"layer\":\" UNIT\",\"name\":\"李红\",\"phone\":\"13900000001\"}]", "[0].layer"),
                Arguments.of("PUT", "/api/v1/cadres/{id}/contacts",
                        "[{\"layer\":1,\"name\":\"李红\",\"phone\":\"13900000001\"}]", "[0].layer"));
    }

    @Test
    void anExactEnumNameIsStillAccepted() {
        send("PUT", "/api/v1/cadres/{id}", "{cadre-rank,\"rank\":\"COUNTY_CHIEF\"}").statusCode(200)
                .body("rank", equalTo("COUNTY_CHIEF"));
    }

    /** Years outside 1..9999 (the kit), and dates before the cadre's birth (move, death). */
    static Stream<Arguments> datesNoDatabaseHolds() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/cadres", "{cadre-birthDate,\"birthDate\":\"-0001-01-01\"}", "birthDate"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-birthDate,\"birthDate\":\"+10000-01-01\"}", "birthDate"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre-birthDate,\"birthDate\":\"+999999999-12-31\"}",
                        "birthDate"),
                Arguments.of("PUT", "/api/v1/cadres/{id}", "{cadre-birthDate,\"birthDate\":\"0000-01-01\"}", "birthDate"),
                Arguments.of("POST", "/api/v1/cadres/{id}/moves",
                        "{\"communityCode\":\"{p}-SQ2\",\"movedOn\":\"+10000-01-01\"}", "movedOn"),
                Arguments.of("POST", "/api/v1/cadres/{id}/moves", "{\"leavesDistrict\":true,\"movedOn\":\"-0001-01-01\"}",
                        "movedOn"),
                Arguments.of("POST", "/api/v1/cadres/{id}/moves", "{\"leavesDistrict\":true,\"movedOn\":\"0001-01-01\"}",
                        "movedOn"),
                Arguments.of("POST", "/api/v1/cadres/{id}/death", "{\"diedOn\":\"-0001-01-01\"}", "diedOn"),
                Arguments.of("POST", "/api/v1/cadres/{id}/death", "{\"diedOn\":\"+999999999-12-31\"}", "diedOn"),
                Arguments.of("POST", "/api/v1/cadres/{id}/death", "{\"diedOn\":\"0001-01-01\"}", "diedOn"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31", "-0001-01-01", "+10000-01-01", "0000-12-31", "999999999-12-31" })
    void statisticsAsOfOutsideTheYearsAStoreHoldsIsA400(String asOf) {
        given().auth().oauth2(admin).queryParam("asOf", asOf).get("/api/v1/statistics/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("asOf"));
    }

    @Test
    void aPlusSentUnencodedInTheQueryIsA400TooNotA500() {
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/statistics/cadres?asOf=+999999999-12-31")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("asOf"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/reports/high-age-subsidy?month=+999999-01")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("month"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999-01", "-0001-01", "0000-12", "+10000-01" })
    void aRosterMonthOutsideTheYearsAStoreHoldsIsA400(String month) {
        given().auth().oauth2(admin).queryParam("month", month).get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("month"));
    }

    @Test
    void theFirstAndLastDaysAStoreHoldsAreAnsweredNotFailed() {
        for (String asOf : new String[] { "0001-01-01", "9999-12-31" }) {
            given().auth().oauth2(admin).queryParam("asOf", asOf).get("/api/v1/statistics/cadres").then()
                    .statusCode(200).body("asOf", equalTo(asOf));
        }
        for (String month : new String[] { "0001-01", "9999-12" }) {
            given().auth().oauth2(admin).queryParam("month", month).accept(ContentType.JSON)
                    .get("/api/v1/reports/high-age-subsidy").then().statusCode(200);
        }
    }

    @Test
    void aBirthDateBeforeNineteenHundredIsRefused() {
        LocalDate born = LocalDate.of(1899, 12, 31);
        Map<String, Object> body = TestData.cadre(p, "张三", born, true);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("birthDate"));
        body.remove("birthDate");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("idNumber"));
    }

    static Stream<Arguments> deepJson() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        String deepObject = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
        return Stream.of(
                Arguments.of("POST", "/api/v1/cadres", deep),
                Arguments.of("POST", "/api/v1/cadres", "{\"notes\":" + deep + "}"),
                Arguments.of("POST", "/api/v1/cadres", "{\"unknown\":" + deepObject + "}"),
                Arguments.of("POST", "/api/v1/cadres", "{cadre,\"extra\":" + deep + "}"),
                Arguments.of("PUT", "/api/v1/cadres/{id}/contacts", deep),
                Arguments.of("POST", "/api/v1/org/units", "{\"code\":\"{p}-U9\",\"name\":\"甲\",\"x\":" + deepObject + "}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deepJson")
    void jsonNestedFifteenHundredDeepIsA400(String method, String path, String body) {
        send(method, path, body).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aMegabyteNameIsA400NamingItAndThreeMegabytesA413() {
        String megabyte = "x".repeat(1_000_000);
        send("POST", "/api/v1/cadres", "{cadre-name,\"name\":\"" + megabyte + "\"}").statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("name"));
        send("PUT", "/api/v1/cadres/{id}", "{cadre-name,\"name\":\"" + megabyte + "\"}").statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("name"));
        send("POST", "/api/v1/org/units", "{\"code\":\"{p}-U8\",\"name\":\"" + megabyte + "\"}").statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("name"));
        send("PUT", "/api/v1/cadres/{id}/contacts", "[{\"layer\":\"UNIT\",\"name\":\"" + megabyte
                + "\",\"phone\":\"13900000001\"}]").statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("contacts[0].name"));
        String chinese = "王".repeat(1_000_000);
        send("POST", "/api/v1/cadres", "{cadre-name,\"name\":\"" + chinese + "\"}").statusCode(413)
                .contentType(PROBLEM);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aHundredThousandContactsAreRefusedBeforeTheyAreBuilt() {
        String contact = "{\"layer\":\"UNIT\",\"name\":\"李红\",\"phone\":\"13900000001\"},";
        String body = "[" + contact.repeat(100_000) + "{}]";
        send("PUT", "/api/v1/cadres/{id}/contacts", body).statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aJsonBodyWithoutALengthIsReadUpToTheLimitOnly() throws java.io.IOException {
        String contact = "{\"layer\":\"UNIT\",\"name\":\"李红\",\"phone\":\"13900000001\"},";
        byte[] big = ("[" + contact.repeat(100_000) + "{}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response refused = RawHttp.exchange(chunkedPut(), out -> RawHttp.chunked(
                new java.io.ByteArrayInputStream(big), out));
        org.junit.jupiter.api.Assertions.assertEquals(413, refused.status(), refused.toString());
        org.junit.jupiter.api.Assertions.assertTrue(refused.header("Content-Type").startsWith(PROBLEM), refused.toString());

        byte[] small = ("[" + contact + "{\"layer\":\"GRID\",\"name\":\"孙强\",\"phone\":\"13900000003\"}]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response accepted = RawHttp.exchange(chunkedPut(), out -> RawHttp.chunked(
                new java.io.ByteArrayInputStream(small), out));
        org.junit.jupiter.api.Assertions.assertEquals(200, accepted.status(), accepted.toString());
        given().auth().oauth2(admin).get("/api/v1/cadres/" + cadreId).then().statusCode(200)
                .body("contacts.name", org.hamcrest.Matchers.contains("李红", "孙强"));
    }

    private String chunkedPut() {
        return "PUT /api/v1/cadres/" + cadreId + "/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    /**
     * {@code {p}} is this test's org prefix, {@code {id}} its cadre; {@code {cadre,...}} a valid cadre body followed
     * by the given fields, {@code {cadre-field,...}} the same without that field (so the body names it once).
     */
    private ValidatableResponse send(String method, String path, String body) {
        String json = body.replace("{p}", p);
        java.util.regex.Matcher cadre = java.util.regex.Pattern.compile("^\\{cadre(?:-(\\w+))?,").matcher(json);
        if (cadre.find()) {
            Map<String, Object> valid = TestData.cadre(p, "王建国", LocalDate.of(1938, 10, 2), true);
            if (path.contains("{id}")) {
                valid.remove("idNumber");
                valid.put("idNumber", given().auth().oauth2(admin).get("/api/v1/cadres/" + cadreId).then()
                        .statusCode(200).extract().path("idNumber"));
            }
            if (cadre.group(1) != null) {
                valid.remove(cadre.group(1));
            }
            String fields;
            try {
                fields = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(valid);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            json = fields.substring(0, fields.length() - 1) + "," + json.substring(cadre.end());
        }
        return given().auth().oauth2(admin).contentType("application/json").body(json)
                .request(method, path.replace("{id}", cadreId)).then();
    }
}
