package shouwang.alert.escalation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import shouwang.alert.Api;
import shouwang.alert.CityProfile;
import shouwang.alert.Fixtures;

/**
 * One platform for a city (issue 16): an alert in each district climbs the real ladder (VisitMissed on visits) to
 * level 3 and lands with its own district's bureau; its events say the district; the metrics count it.
 */
@QuarkusTest
@TestProfile(CityProfile.class)
class CityLadderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void city() {
        CityProfile.orgs();
    }

    private static int level(UUID alertId) {
        return Api.as(CityProfile.cityAdmin()).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .extract().path("level");
    }

    /** Misses of levels 0, 1 and 2, each once the alert is there. */
    private static void climbToTheTop(UUID cadreId, UUID alertId, String community, String street) {
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", community, 0);
        await().atMost(WAIT).until(() -> level(alertId) == 1);
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", community, 1);
        await().atMost(WAIT).until(() -> level(alertId) == 2);
        Fixtures.mustVisitMissed(cadreId, alertId, "STREET", street, 2);
        await().atMost(WAIT).until(() -> level(alertId) == 3);
    }

    private static List<String> layers(JsonNode mustVisit) {
        List<String> layers = new ArrayList<>();
        for (JsonNode layer : mustVisit.get("layers")) {
            List<String> people = new ArrayList<>();
            layer.get("people").forEach(p -> people.add(p.get("role").asText() + " " + p.get("name").asText()));
            layers.add(layer.get("layer").asText() + " " + layer.get("orgCode").asText() + " "
                    + layer.path("orgName").asText(null) + " " + people);
        }
        return layers;
    }

    private static double metric(String name, String label) {
        String text = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + label) + "[^}]*} (\\S+)( # .*)?$")
                .matcher(text);
        // an exemplar (trace of the last increment) may follow the value
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void anAlertInEachDistrictEscalatedToLevelThreeLandsWithItsOwnDistrictsBureau() {
        double escalationsToTop = metric("shouwang_alert_escalations_total", "to_level=\"3\"");
        UUID eastCadre = Fixtures.knownCadre("SQ801", "SQ801-WG01", "DW801");
        UUID westCadre = Fixtures.knownCadre("SQ802", "SQ802-WG01", "DW802");
        UUID east = CityProfile.report(eastCadre, "HOSPITALISATION");
        UUID west = CityProfile.report(westCadre, "HOSPITALISATION");
        assertEquals("QX01", Fixtures.alertEvents("AlertRaised", east, 1).get(0).get("districtCode").asText());
        assertEquals("QX02", Fixtures.alertEvents("AlertRaised", west, 1).get(0).get("districtCode").asText());
        assertEquals("QX01", Fixtures.alertEvents("MustVisitRequired", east, 1).get(0).get("districtCode").asText());
        assertEquals("QX02", Fixtures.alertEvents("MustVisitRequired", west, 1).get(0).get("districtCode").asText());

        climbToTheTop(eastCadre, east, "SQ801", "JD801");
        climbToTheTop(westCadre, west, "SQ802", "JD802");

        assertEquals(List.of("BUREAU QX01 一区 [LEADER 甲局长]"),
                layers(Fixtures.alertEvents("MustVisitRequired", east, 4).get(3)));
        assertEquals(List.of("BUREAU QX02 二区 [DUTY_OFFICER 乙值班]"),
                layers(Fixtures.alertEvents("MustVisitRequired", west, 4).get(3)));
        JsonNode eastTop = Fixtures.alertEvents("AlertEscalated", east, 3).get(2);
        JsonNode westTop = Fixtures.alertEvents("AlertEscalated", west, 3).get(2);
        assertEquals("DISTRICT_BUREAU QX01 甲局长 13905320001", actor(eastTop));
        assertEquals("DISTRICT_BUREAU QX02 乙值班 13905320002", actor(westTop));
        assertEquals("QX01", eastTop.get("districtCode").asText());
        assertEquals("QX02", westTop.get("districtCode").asText());
        assertEquals(escalationsToTop + 2, metric("shouwang_alert_escalations_total", "to_level=\"3\""),
                "each escalation to level 3 counted once");
        await().atMost(WAIT).until(() -> metric("shouwang_alert_alerts_open", "level=\"3\"") >= 2);

        Fixtures.mustVisitCompleted(westCadre, west, "BUREAU", "QX02", 3);
        JsonNode resolved = Fixtures.alertEvents("AlertResolved", west, 1).get(0);
        assertEquals("VISITED", resolved.get("resolution").asText(), "the district bureau's visit closes it");
        assertEquals("QX02", resolved.get("districtCode").asText());
    }

    private static String actor(JsonNode escalated) {
        JsonNode actor = escalated.get("mustActNow").get(0);
        assertEquals(1, escalated.get("mustActNow").size());
        return actor.get("role").asText() + " " + actor.get("orgCode").asText() + " " + actor.get("name").asText()
                + " " + actor.get("phone").asText();
    }
}
