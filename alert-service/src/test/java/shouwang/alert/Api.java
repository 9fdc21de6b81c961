package shouwang.alert;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import shouwang.kit.testing.TestTokens;

/** REST calls as a client makes them. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(TestTokens.districtAdmin());
    }

    public static Map<String, Object> signal(UUID signalId, UUID cadreId, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (signalId != null) {
            body.put("signalId", signalId.toString());
        }
        body.put("cadreId", cadreId.toString());
        body.put("kind", kind);
        body.put("occurredAt", "2026-11-22T07:30:00Z");
        body.put("details", "市一院心内科住院");
        return body;
    }

    public static ValidatableResponse postSignal(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).when().post("/api/v1/signals").then();
    }

    /** Posts a signal as district admin and returns the alert id answered with 202. */
    public static UUID report(UUID cadreId, String kind) {
        String alertId = postSignal(admin(), signal(UUID.randomUUID(), cadreId, kind)).statusCode(202)
                .extract().path("alertId");
        return UUID.fromString(alertId);
    }
}
