package shouwang.alert.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;

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
                { "{\"reason\":\"已上门\",\"reason\":\"电话联系\"}", "reason" }, { "{\"reason\":[\"已上门\"]}", "reason" } });
        Api.admin().get(path.replace("/resolve", "")).then().body("status", equalTo("OPEN"));
    }

    /** Each {body, field}: a 400 problem naming the field. */
    private static void refused(String path, String[][] bodies) {
        for (String[] bad : bodies) {
            Api.admin().body(bad[0]).post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo(bad[1]));
        }
    }
}
