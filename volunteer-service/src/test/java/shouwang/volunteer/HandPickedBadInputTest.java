package shouwang.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * What a hostile or careless client sends to every JSON endpoint and list: each answer is a 4xx problem+json,
 * never a 5xx. The records named in paths are real, so a body that got past validation would reach the database.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class HandPickedBadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = TestTokens.districtAdmin();
    static final String HUGE = "x".repeat(100_000);
    static final String FAR_DATE = "+999999999-12-31";

    /** One JSON endpoint: a body it takes, its free-text field (if any) and its date or instant fields. */
    record Endpoint(String method, String path, Map<String, Object> body, String textField, List<String> dates) {
    }

    static List<Endpoint> jsonEndpoints() {
        return List.of(
                new Endpoint("POST", "/posts", Map.of("title", "t", "category", "ELDER_HELP", "communityCode", "SQ901",
                        "capacity", 2), "title", List.of("startsOn", "endsOn")),
                new Endpoint("POST", "/posts/{post}/claims", Map.of("volunteerName", "n", "phone", "13900009001"),
                        "volunteerName", List.of()),
                new Endpoint("POST", "/posts/{post}/claims/{claim}/withdraw", Map.of("reason", "r"), "reason",
                        List.of()),
                new Endpoint("POST", "/volunteers", Map.of("volunteerName", "n", "phone", "13900009002",
                        "communityCode", "SQ901"), "volunteerName", List.of()),
                new Endpoint("POST", "/volunteers/{volunteer}/hours/spent", Map.of("hours", 1, "beneficiary", "SELF",
                        "note", "n"), "note", List.of()),
                new Endpoint("POST", "/volunteers/{volunteer}/hours/donations", Map.of("hours", 1,
                        "recipientCadreId", "{cadre}", "note", "n"), "note", List.of()),
                new Endpoint("PUT", "/cadres/{cadre}/flags", Map.of("bereavedOnlyChild", false), null, List.of()),
                new Endpoint("POST", "/teams", Map.of("name", "n", "category", "ELDER_HELP", "communityCode", "SQ901",
                        "description", "d"), "description", List.of()),
                new Endpoint("POST", "/teams/{team}/members", Map.of("volunteerName", "n", "phone", "13900009003"),
                        "volunteerName", List.of()),
                new Endpoint("PUT", "/teams/{team}/leader", Map.of("volunteerId", "{volunteer}"), null, List.of()),
                new Endpoint("POST", "/service-records", Map.of("volunteerId", "{volunteer}", "postId", "{post}",
                        "servedOn", "2026-01-05", "hours", 1, "description", "d"), "description",
                        List.of("servedOn", "startedAt")),
                new Endpoint("POST", "/service-records/{record}/reject", Map.of("reason", "r"), "reason", List.of()),
                new Endpoint("POST", "/pairings", Map.of("cadreId", "{cadre}", "volunteerName", "n", "phone",
                        "13900009004", "note", "x"), "note", List.of("startedOn")),
                new Endpoint("POST", "/pairings/{pairing}/end", Map.of("reason", "r"), "reason",
                        List.of("endedOn")));
    }

    static Stream<Arguments> badBodies() throws JsonProcessingException {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : jsonEndpoints()) {
            String json = JSON.writeValueAsString(endpoint.body());
            String first = endpoint.body().keySet().iterator().next();
            String twice = "{\"" + first + "\":" + JSON.writeValueAsString(endpoint.body().get(first)) + ","
                    + json.substring(1);
            cases.add(Arguments.of(endpoint.method(), endpoint.path(), "a field twice", twice));
            cases.add(Arguments.of(endpoint.method(), endpoint.path(), "null", "null"));
            cases.add(Arguments.of(endpoint.method(), endpoint.path(), "an array", "[]"));
            if (endpoint.textField() != null) {
                cases.add(Arguments.of(endpoint.method(), endpoint.path(), "100,000 characters",
                        with(endpoint.body(), endpoint.textField(), HUGE)));
                cases.add(Arguments.of(endpoint.method(), endpoint.path(), "a NUL character",
                        with(endpoint.body(), endpoint.textField(), "a\u0000b")));
            }
            for (String date : endpoint.dates()) {
                String far = date.endsWith("At") ? FAR_DATE + "T00:00:00Z" : FAR_DATE;
                cases.add(Arguments.of(endpoint.method(), endpoint.path(), date + " " + far,
                        with(endpoint.body(), date, far)));
            }
        }
        for (Object capacity : List.of(-1, 0, 2_147_483_648L, new BigInteger("99999999999999999999"),
                "many")) {
            cases.add(Arguments.of("POST", "/posts", "capacity " + capacity,
                    with(jsonEndpoints().get(0).body(), "capacity", capacity)));
        }
        Map<String, Object> record = jsonEndpoints().get(10).body();
        for (Object people : List.of(-1, 2_147_483_648L)) {
            cases.add(Arguments.of("POST", "/service-records", "peopleServed " + people,
                    with(record, "peopleServed", people)));
        }
        for (Object hours : List.of(-1, new BigDecimal("1e400"), "NaN")) {
            cases.add(Arguments.of("POST", "/service-records", "hours " + hours, with(record, "hours", hours)));
            cases.add(Arguments.of("POST", "/volunteers/{volunteer}/hours/spent", "hours " + hours,
                    with(jsonEndpoints().get(4).body(), "hours", hours)));
        }
        return cases.stream();
    }

    static Stream<Arguments> badQueries() {
        List<Arguments> cases = new ArrayList<>();
        List<String> lists = List.of("/posts", "/teams", "/volunteers", "/service-records", "/pairings",
                "/posts/{post}/claims", "/volunteers/{volunteer}/claims", "/volunteers/{volunteer}/hours");
        for (String list : lists) {
            for (String query : List.of("page=-1", "size=0", "size=501", "size=100000", "page=abc",
                    "page=99999999999", "page=2147483647", "page=4294968&size=500")) {
                cases.add(Arguments.of(list, query));
            }
        }
        for (String list : List.of("/posts", "/teams", "/volunteers", "/service-records", "/pairings")) {
            cases.add(Arguments.of(list, "communityCode=a%00b"));
        }
        cases.add(Arguments.of("/posts", "gridCode=a%00b"));
        cases.add(Arguments.of("/volunteers", "q=a%00b"));
        cases.add(Arguments.of("/statistics/service", "communityCode=a%00b"));
        cases.add(Arguments.of("/statistics/service", "from=" + FAR_DATE));
        cases.add(Arguments.of("/service-records", "to=" + FAR_DATE));
        cases.add(Arguments.of("/pairings", "updatedSince=" + FAR_DATE + "T00:00:00Z"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("badBodies")
    void aBadBodyIsAProblemOfTheClient(String method, String path, String what, String body) {
        Response response = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(ids().fill(body).getBytes(StandardCharsets.UTF_8))
                .request(method, "/api/v1" + ids().fill(path));
        assertClientProblem(response, method + " " + path + " with " + what);
    }

    @ParameterizedTest(name = "GET {0}?{1}")
    @MethodSource("badQueries")
    void aBadQueryIsAProblemOfTheClient(String path, String query) {
        Response response = given().auth().oauth2(ADMIN).urlEncodingEnabled(false)
                .get("/api/v1" + ids().fill(path) + "?" + query);
        assertClientProblem(response, "GET " + path + "?" + query);
    }

    @Test
    void theProblemNamesWhatIsWrong() {
        Ids ids = ids();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(with(jsonEndpoints().get(0).body(), "title", "a\u0000b")).post("/api/v1/posts").then()
                .statusCode(400).body("violations[0].field", equalTo("title"))
                .body("violations[0].message", containsString("NUL"));
        given().auth().oauth2(ADMIN).get("/api/v1/posts?page=2147483647").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get("/api/v1/volunteers?q=a%00b").then()
                .statusCode(400).body("violations[0].field", equalTo("q"));
        String withdraw = "/api/v1/posts/" + ids.post() + "/claims/" + ids.claim() + "/withdraw";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("null").post(withdraw).then()
                .statusCode(400).body("violations[0].field", equalTo("body"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"a\",\"reason\":\"b\"}")
                .post(withdraw).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        // 2 is not a boolean: Jackson read it as true and set the 失独 flag no one asked for (kit StrictJson)
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"bereavedOnlyChild\":2}")
                .put("/api/v1/cadres/" + ids.cadre() + "/flags").then().statusCode(400)
                .body("violations[0].field", equalTo("bereavedOnlyChild"));
        // the document a client is built from names no "empty" field (VolunteerRef.isEmpty() leaked into it, and
        // the strict reader refused a body that sent it)
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.VolunteerRef.properties", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("empty")));
        // the claim is still held: none of these reached it
        given().auth().oauth2(ADMIN).get("/api/v1/posts/" + ids.post() + "/claims?status=ACTIVE").then()
                .body("items.id", hasItem(ids.claim()));
    }

    private static void assertClientProblem(Response response, String what) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, what + " answered " + status + ": " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"),
                what + " answered " + response.contentType());
    }

    private static String with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        try {
            return JSON.writeValueAsString(changed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Real records in SQ901 for the paths (made once, by a district admin). */
    record Ids(UUID cadre, String post, String claim, String volunteer, String record, String team, String pairing) {

        String fill(String text) {
            return text.replace("{cadre}", cadre.toString()).replace("{post}", post).replace("{claim}", claim)
                    .replace("{volunteer}", volunteer).replace("{record}", record).replace("{team}", team)
                    .replace("{pairing}", pairing);
        }
    }

    private static Ids ids;

    static synchronized Ids ids() {
        if (ids == null) {
            UUID cadre = Fixtures.activeCadre("SQ901", "WIDOWED_CHILDLESS");
            String post = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("title", "助老岗", "category", "ELDER_HELP", "communityCode", "SQ901", "capacity", 5))
                    .post("/api/v1/posts").then().statusCode(201).extract().path("id");
            var claim = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("volunteerName", "坏输入", "phone", "13900009000"))
                    .post("/api/v1/posts/" + post + "/claims").then().statusCode(201).extract();
            String volunteer = claim.path("volunteerId");
            String record = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("volunteerId", volunteer, "postId", post, "servedOn", "2026-01-05", "hours", 1))
                    .post("/api/v1/service-records").then().statusCode(201).extract().path("id");
            String team = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", "队", "category", "ELDER_HELP", "communityCode", "SQ901"))
                    .post("/api/v1/teams").then().statusCode(201).extract().path("id");
            String pairing = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("cadreId", cadre.toString(), "volunteerId", volunteer))
                    .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
            ids = new Ids(cadre, post, claim.path("id"), volunteer, record, team, pairing);
        }
        return ids;
    }
}
