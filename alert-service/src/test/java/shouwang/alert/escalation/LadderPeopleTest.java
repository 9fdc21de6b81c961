package shouwang.alert.escalation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;

/**
 * The whole ladder acts (issue 11): each level asks its own layers, with the orgs and the people to call from
 * registry's org records, in MustVisitRequired and AlertEscalated as they are on the topic; visits resolve.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class LadderPeopleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonPath alert(UUID alertId) {
        return Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitLevel(UUID alertId, int level) {
        await().atMost(WAIT).until(() -> alert(alertId).getInt("level") == level);
    }

    private static void awaitStatus(UUID alertId, String status) {
        await().atMost(WAIT).until(() -> status.equals(alert(alertId).getString("status")));
    }

    /** "layer orgCode orgName [role name phone, …]" per layer, as a reader of the event would list them. */
    private static List<String> layers(JsonNode mustVisit) {
        List<String> layers = new ArrayList<>();
        for (JsonNode layer : mustVisit.get("layers")) {
            List<String> people = new ArrayList<>();
            layer.get("people").forEach(p -> people.add(p.get("role").asText() + " " + p.get("name").asText() + " "
                    + p.get("phone").asText()));
            layers.add(layer.get("layer").asText() + " " + layer.get("orgCode").asText() + " "
                    + layer.path("orgName").asText(null) + " " + people);
        }
        return layers;
    }

    /** "role orgCode name phone" per actor. */
    private static List<String> actors(JsonNode escalated) {
        List<String> actors = new ArrayList<>();
        escalated.get("mustActNow").forEach(a -> actors.add(a.get("role").asText() + " " + a.get("orgCode").asText()
                + " " + a.get("name").asText(null) + " " + a.get("phone").asText(null)));
        return actors;
    }

    private static void bureauRecord() {
        Fixtures.orgRecordAndAwait("BUREAU", "QWLGJ", "区委老干部局", null, 1000,
                List.of(Fixtures.person("DUTY_OFFICER", "孙值班", "13905310005")));
    }

    @Test
    void anAlertClimbsFromTheContactsToTheLeadersTheStreetAndTheBureauNamingWhoToCallAtEachLevel() {
        bureauRecord();
        Fixtures.orgRecordAndAwait("UNIT", "DW701", "市第七机械厂", null, 1,
                List.of(Fixtures.person("DUTY_OFFICER", "周值班", "13905317000"),
                        Fixtures.person("LEADER", "张厂长", "13905317001")));
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ701", "七里社区", "JD701", 1,
                List.of(Fixtures.person("LEADER", "李书记", "13905317002")));
        Fixtures.orgRecordAndAwait("STREET", "JD701", "七里街道", null, 1,
                List.of(Fixtures.person("LEADER", "赵主任", "13905317003"),
                        Fixtures.person("DUTY_OFFICER", "钱值班", "13905317004")));
        UUID cadreId = Fixtures.knownCadre("SQ701", "SQ701-WG01", "DW701");
        UUID alertId = Api.report(cadreId, "HOSPITALISATION");

        assertEquals(List.of("UNIT DW701 市第七机械厂 [CONTACT 李红 13900000001]",
                "COMMUNITY SQ701 七里社区 [CONTACT 赵敏 13900000002]"),
                layers(Fixtures.alertEvents("MustVisitRequired", alertId, 1).get(0)));

        Fixtures.mustVisitMissed(cadreId, alertId, "UNIT", "DW701", 0);
        awaitLevel(alertId, 1);
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", "SQ701", 1);
        awaitLevel(alertId, 2);
        Fixtures.mustVisitMissed(cadreId, alertId, "STREET", "JD701", 2);
        awaitLevel(alertId, 3);

        List<JsonNode> mustVisits = Fixtures.alertEvents("MustVisitRequired", alertId, 4);
        List<JsonNode> escalations = Fixtures.alertEvents("AlertEscalated", alertId, 3);
        assertEquals(List.of("UNIT DW701 市第七机械厂 [LEADER 张厂长 13905317001]",
                "COMMUNITY SQ701 七里社区 [LEADER 李书记 13905317002]"), layers(mustVisits.get(1)),
                "level 1: the same orgs, their leaders");
        assertEquals(List.of("UNIT_LEADER DW701 张厂长 13905317001", "COMMUNITY_LEADER SQ701 李书记 13905317002"),
                actors(escalations.get(0)));
        assertEquals(List.of("STREET JD701 七里街道 [LEADER 赵主任 13905317003, DUTY_OFFICER 钱值班 13905317004]"),
                layers(mustVisits.get(2)), "level 2: the street of the cadre's community");
        assertEquals(List.of("STREET_OFFICE JD701 赵主任 13905317003", "STREET_OFFICE JD701 钱值班 13905317004"),
                actors(escalations.get(1)));
        assertEquals(List.of("BUREAU QWLGJ 区委老干部局 [DUTY_OFFICER 孙值班 13905310005]"), layers(mustVisits.get(3)));
        assertEquals(List.of("DISTRICT_BUREAU QWLGJ 孙值班 13905310005"), actors(escalations.get(2)));
        assertEquals(List.of("BUREAU"), alert(alertId).getList("layers"));

        Fixtures.mustVisitCompleted(cadreId, alertId, "BUREAU", "QWLGJ", 3);
        awaitStatus(alertId, "RESOLVED");
        assertEquals("VISITED", alert(alertId).getString("resolution"), "the bureau's visit closes it at level 3");
    }

    @Test
    void aLeaderEditedByALaterOrgRecordIsCalledAtTheNextEscalationAndAnOlderVersionIsIgnored() {
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ702", "八里社区", "JD702", 1,
                List.of(Fixtures.person("LEADER", "甲书记", "13905317021")));
        UUID cadreId = Fixtures.knownCadre("SQ702", "SQ702-WG01", "DW702");
        UUID alertId = Api.report(cadreId, "HARDSHIP");

        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ702", "八里社区", "JD702", 3,
                List.of(Fixtures.person("LEADER", "乙书记", "13905317022")));
        String stale = Fixtures.orgRecord("COMMUNITY", "SQ702", "八里社区", "JD702", 2,
                List.of(Fixtures.person("LEADER", "丙书记", "13905317023")));
        await().atMost(WAIT).until(() -> Fixtures.consumed("alert-service.org-records", stale));

        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", "SQ702", 0);
        awaitLevel(alertId, 1);
        JsonNode escalated = Fixtures.alertEvents("AlertEscalated", alertId, 1).get(0);
        assertEquals(List.of("UNIT_LEADER DW702 null null", "COMMUNITY_LEADER SQ702 乙书记 13905317022"),
                actors(escalated), "the unit has no org record: named without a person");
    }

    @Test
    void withoutAKnownStreetLevelTwoAsksTheBureauAndTheUnitAndCommunityVisitsStillResolve() {
        bureauRecord();
        UUID cadreId = Fixtures.knownCadre("SQ703", "SQ703-WG01", "DW703");
        UUID alertId = Api.report(cadreId, "WORRY");
        Fixtures.mustVisitMissed(cadreId, alertId, "UNIT", "DW703", 0);
        awaitLevel(alertId, 1);
        Fixtures.mustVisitMissed(cadreId, alertId, "UNIT", "DW703", 1);
        awaitLevel(alertId, 2);

        JsonNode levelTwo = Fixtures.alertEvents("MustVisitRequired", alertId, 3).get(2);
        assertEquals(List.of("BUREAU QWLGJ 区委老干部局 [DUTY_OFFICER 孙值班 13905310005]"), layers(levelTwo),
                "nobody is missed: the bureau is asked when the community's street is unknown");
        assertEquals(List.of("DISTRICT_BUREAU QWLGJ 孙值班 13905310005"),
                actors(Fixtures.alertEvents("AlertEscalated", alertId, 2).get(1)));

        Fixtures.mustVisitCompleted(cadreId, alertId, "UNIT", "DW703", 1);
        Fixtures.mustVisitCompleted(cadreId, alertId, "COMMUNITY", "SQ703", 0);
        awaitStatus(alertId, "RESOLVED");
        assertEquals(2, alert(alertId).getInt("level"));
    }

    @Test
    void theProfilesStreetIsAskedWhenNoCommunityRecordNamesOneAndItsVisitResolvesLevelTwo() {
        UUID cadreId = UUID.randomUUID();
        TopicProbe.send(Fixtures.profileRecord(cadreId, 1, "SQ704", "SQ704-WG01", "DW704", "ACTIVE", "JD704"));
        await().atMost(WAIT).until(() -> Fixtures.held(cadreId) != null);
        UUID alertId = Api.report(cadreId, "FAMILY_CONFLICT");
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", "SQ704", 0);
        awaitLevel(alertId, 1);
        Fixtures.mustVisitMissed(cadreId, alertId, "COMMUNITY", "SQ704", 1);
        awaitLevel(alertId, 2);
        JsonNode levelTwo = Fixtures.alertEvents("MustVisitRequired", alertId, 3).get(2);
        assertEquals("STREET", levelTwo.get("layers").get(0).get("layer").asText());
        assertEquals("JD704", levelTwo.get("layers").get(0).get("orgCode").asText());

        Fixtures.mustVisitCompleted(cadreId, alertId, "UNIT", "DW704", 2);
        await().atMost(WAIT).until(() -> alert(alertId).getList("history").size() >= 6);
        assertEquals("OPEN", alert(alertId).getString("status"), "the unit alone is neither the street nor the pair");
        Fixtures.mustVisitCompleted(cadreId, alertId, "STREET", "JD704", 2);
        awaitStatus(alertId, "RESOLVED");
        JsonNode resolved = Fixtures.alertEvents("AlertResolved", alertId, 1).get(0);
        assertEquals("VISITED", resolved.get("resolution").asText());
        assertTrue(alert(alertId).getList("history", Map.class).stream()
                .anyMatch(h -> String.valueOf(h.get("note")).startsWith("STREET task")));
    }
}
