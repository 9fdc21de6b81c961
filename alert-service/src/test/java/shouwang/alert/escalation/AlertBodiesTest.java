package shouwang.alert.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.security.Roles;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** What a careless or hostile client sends to acknowledge and resolve: always a 4xx problem, never a 500. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class AlertBodiesTest {

    private static final String PROBLEM = "application/problem+json";

    private static UUID openAlert(String community) {
        return Api.report(Fixtures.knownCadre(community, community + "-WG01", "DW" + community.substring(2)),
                "NEIGHBOUR_DISPUTE");
    }

    @Test
    void aNullAcknowledgeBodyIsAnAcknowledgementWithoutANote() {
        UUID alert = openAlert("SQ211");
        Api.admin().body("null").post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        Api.admin().get("/api/v1/alerts/" + alert).then()
                .body("history[1].action", equalTo("ACKNOWLEDGED"))
                .body("history[1].note", nullValue());
    }

    @Test
    void anAcknowledgeBodyThatIsNotANoteObjectIsRefusedNamingTheField() {
        String path = "/api/v1/alerts/" + openAlert("SQ212") + "/acknowledge";
        refused(path, new String[][] { { "{\"note\":\"a\",\"note\":\"b\"}", "note" }, { "{\"note\":{}}", "note" },
                { "[]", "body" }, { "\"seen\"", "body" }, { "{\"note\":", "body" },
                { "{\"note\":\"" + "x".repeat(1001) + "\"}", "note" } });
        Api.admin().get(path.replace("/acknowledge", "")).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aNullOrDuplicatedResolveBodyIsRefusedNamingTheField() {
        String path = "/api/v1/alerts/" + openAlert("SQ213") + "/resolve";
        // Which reason would count? Neither: a field given twice used to be a 500 with an empty body.
        refused(path, new String[][] { { "null", "body" },
                { "{\"reason\":\"DUPLICATE_REPORT\",\"reason\":\"REPORTED_IN_ERROR\",\"note\":\"核实\"}", "reason" },
                { "{\"reason\":[\"DUPLICATE_REPORT\"],\"note\":\"核实\"}", "reason" },
                { "{\"reason\":\"已上门\",\"note\":\"核实\"}", "reason" } });
        Api.admin().get(path.replace("/resolve", "")).then().body("status", equalTo("OPEN"));
    }

    @Test
    void onlyTheDistrictBureauClosesAnAlertWithoutAVisitAndTheHistorySaysWhoAndWhy() {
        String path = "/api/v1/alerts/" + openAlert("SQ214") + "/resolve";
        Map<String, String> body = Map.of("reason", "DUPLICATE_REPORT", "note", "与同日住院预警重复");
        // a community worker in scope could close alerts nobody visited: 不漏一人 forbids it
        Api.as(TestTokens.user(Roles.COMMUNITY_WORKER).communities("SQ214").token()).body(body).post(path).then()
                .statusCode(403);
        Api.admin().body(Map.of("reason", "DUPLICATE_REPORT")).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        Api.admin().body(body).post(path).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("MANUAL")).body("resolvedBy", equalTo(Roles.DISTRICT_ADMIN))
                .body("history.find { it.action == 'RESOLVED' }.actor", equalTo(Roles.DISTRICT_ADMIN))
                .body("history.find { it.action == 'RESOLVED' }.note",
                        equalTo("MANUAL: DUPLICATE_REPORT 重复上报：与同日住院预警重复"));
    }

    /** Each {body, field}: a 400 problem naming the field. */
    private static void refused(String path, String[][] bodies) {
        for (String[] bad : bodies) {
            Api.admin().body(bad[0]).post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo(bad[1]));
        }
    }
}
