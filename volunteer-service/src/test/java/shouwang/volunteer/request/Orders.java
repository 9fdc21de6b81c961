package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.TestTokens;

/** Test steps of the service-request tests, through the real REST API. */
final class Orders {

    private Orders() {
    }

    static String worker(String community) {
        return TestTokens.named("worker-" + community).roles(Roles.COMMUNITY_WORKER).communities(community).token();
    }

    /** A volunteer login of the community, linked to a new volunteer (name + phone); returns its id. */
    static String volunteer(String login, String community, String phone) {
        return given().auth().oauth2(volunteerToken(login, community)).contentType(ContentType.JSON)
                .body(Map.of("volunteerName", "志愿者" + phone.substring(phone.length() - 3), "phone", phone,
                        "communityCode", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
    }

    static String volunteerToken(String login, String community) {
        return TestTokens.named(login).roles(Roles.VOLUNTEER).communities(community).token();
    }

    static String cadreToken(Object cadreId) {
        return TestTokens.named("cadre-" + cadreId).roles(Roles.CADRE).cadre(cadreId).token();
    }

    static String open(String token, UUID cadre, String type, String details) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString(), "serviceType", type, "details", details))
                .post("/api/v1/service-requests").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse post(String token, String request, String step, Object body) {
        var spec = given().auth().oauth2(token);
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.post("/api/v1/service-requests/" + request + "/" + step).then();
    }

    static ValidatableResponse dispatch(String token, String request, String field, String id) {
        return post(token, request, "dispatch", Map.of(field, id));
    }

    static ValidatableResponse get(String token, String request) {
        return given().auth().oauth2(token).get("/api/v1/service-requests/" + request).then();
    }

    static String provider(String token, String community, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "便民服务社", "serviceTypes", types, "communityCodes", List.of(community),
                        "phone", "0571-87000000", "contactName", "王经理"))
                .post("/api/v1/providers").then().statusCode(201).extract().path("id");
    }
}
