package shouwang.volunteer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.TestTokens;

/**
 * The kit's scope check tries community, grid and unit staff; a volunteer has rules of its own (docs/volunteer-service.md
 * "Volunteer logins"): its token's communities are where it acts, and only its own rows are its to change. This runs
 * the same sweep for a volunteer of SQ001 (with grid and unit claims too, which must give it nothing more) over every
 * operation the volunteer role may call, read from the OpenAPI document so a new endpoint is swept as well.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class VolunteerScopeTest {

    /**
     * The same login that owns HostileRows.inside(): its own rows are in SQ001, another volunteer's in SQ002. Its token
     * also names DW002, the outside cadre's unit: a unit claim (visit-service's) gives a volunteer nothing here. No
     * grid claim: a volunteer sees and claims the posts of its token's grids by design (docs/volunteer-service.md).
     */
    static final String ME = TestTokens.user(Roles.VOLUNTEER).communities("SQ001").units("DW002").token();

    /** A body the operation accepts when the row is the caller's own, so only the scope can refuse it. */
    private static String bodyFor(Operation operation, HostileRows inside) {
        String path = operation.path();
        if (path.endsWith("/claims")) {
            return "{}";
        }
        if (path.endsWith("/withdraw")) {
            return "{\"reason\":\"不便前往\"}";
        }
        if (path.endsWith("/hours/spent")) {
            return "{\"hours\":0.5,\"beneficiary\":\"SELF\"}";
        }
        if (path.endsWith("/hours/donations")) {
            return "{\"hours\":0.5,\"recipientCadreId\":\"" + inside.cadre() + "\"}";
        }
        return null;
    }

    private static Response send(String method, String path, String body) {
        RequestSpecification request = given().auth().oauth2(ME).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

    @Test
    void aVolunteerOfOneCommunityNeitherSeesNorChangesTheRowsOfAnother() {
        HostileRows inside = HostileRows.inside();
        HostileRows outside = HostileRows.outside();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Operation operation : ApiDescription.of("http://localhost:" + RestAssured.port).operations()) {
            if (!operation.roles().contains(Roles.VOLUNTEER)) {
                continue;
            }
            if (!operation.pathParameters().isEmpty()) {
                Map<String, String> ids = new java.util.LinkedHashMap<>();
                operation.pathParameters().forEach(p -> ids.put(p, outside.valueFor(operation, p)));
                Response answer = send(operation.method(), operation.pathWith(ids), bodyFor(operation, inside));
                cells++;
                if (answer.statusCode() != 403 && answer.statusCode() != 404) {
                    wrong.add(operation.key() + " on another community's row: " + answer.statusCode() + " "
                            + answer.asString());
                }
            } else if (operation.method().equals("GET")) {
                List<String> queries = new ArrayList<>(List.of("size=500"));
                if (operation.queryParameters().contains("communityCode")) {
                    queries.add("communityCode=SQ002&size=500");
                }
                if (operation.queryParameters().contains("gridCode")) {
                    queries.add("gridCode=SQ002-WG01&size=500");
                }
                if (operation.queryParameters().contains("unitCode")) {
                    queries.add("unitCode=DW002&size=500");
                }
                if (operation.queryParameters().contains("volunteerId")) {
                    queries.add("volunteerId=" + outside.volunteer() + "&size=500");
                }
                if (operation.queryParameters().contains("cadreId")) {
                    queries.add("cadreId=" + outside.cadre() + "&size=500");
                }
                for (String query : queries) {
                    Response answer = send("GET", operation.path() + "?" + query, null);
                    cells++;
                    int status = answer.statusCode();
                    if (status == 200) {
                        for (String id : outside.ids()) {
                            if (answer.asString().contains(id)) {
                                wrong.add(operation.key() + "?" + query + " shows a row of SQ002 (" + id + ")");
                            }
                        }
                    } else if (status != 403) {
                        wrong.add(operation.key() + "?" + query + ": " + status + ", expected 200 narrowed or 403");
                    }
                }
            }
        }
        System.out.printf("VOLUNTEER-SCOPE cells=%d wrong=%d%n", cells, wrong.size());
        assertTrue(cells >= 15, "only " + cells + " cells");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aVolunteerOfOneCommunityCreatesNothingInAnother() {
        HostileRows outside = HostileRows.outside();
        String yesterday = LocalDate.now().minusDays(1).toString();
        // sign up there
        send("POST", "/api/v1/volunteers", "{\"volunteerName\":\"张桂兰\",\"phone\":\"13700000301\",\"communityCode\":\"SQ002\"}")
                .then().statusCode(403);
        // claim a post there (as itself, already linked: an empty body), or by naming a new resident: a change
        // outside the scope is a 403 (docs/security.md), or a 404 where the post is not even visible
        send("POST", "/api/v1/posts/" + outside.post() + "/claims", "{}").then()
                .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        send("POST", "/api/v1/posts/" + outside.post() + "/claims",
                "{\"volunteerName\":\"张桂兰\",\"phone\":\"13700000302\"}").then()
                .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        // record service there, without a post or on its post
        send("POST", "/api/v1/service-records", "{\"communityCode\":\"SQ002\",\"serviceType\":\"ELDER_HELP\","
                + "\"hours\":1,\"servedOn\":\"" + yesterday + "\"}").then().statusCode(403);
        send("POST", "/api/v1/service-records", "{\"postId\":\"" + outside.post() + "\",\"hours\":1,\"servedOn\":\""
                + yesterday + "\"}").then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        // record service for another volunteer, or take over another volunteer's registration by id
        send("POST", "/api/v1/service-records", "{\"volunteerId\":\"" + outside.volunteer()
                + "\",\"communityCode\":\"SQ001\",\"serviceType\":\"ELDER_HELP\",\"hours\":1,\"servedOn\":\""
                + yesterday + "\"}").then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        send("POST", "/api/v1/volunteers", "{\"volunteerId\":\"" + outside.volunteer() + "\"}").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 403));
        // nothing of it was made: the other community's staff see only their own seeded volunteer
        String worker = TestTokens.user(Roles.COMMUNITY_WORKER).communities("SQ002").token();
        given().auth().oauth2(worker).get("/api/v1/volunteers?q=张桂兰").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(worker).get("/api/v1/service-records?communityCode=SQ002&size=500").then()
                .statusCode(200).body("items.volunteerId", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo(outside.volunteer())));
    }
}
