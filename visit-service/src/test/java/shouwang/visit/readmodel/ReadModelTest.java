package shouwang.visit.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;
import shouwang.visit.TestDb;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ReadModelTest {

    static List<Map<String, Object>> contactsOf(UUID cadreId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", cadreId).get("/api/v1/contacts")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    @Test
    void theReadModelKeepsTheNewestProfileAndIgnoresOlderVersions() {
        UUID id = UUID.randomUUID();
        Map<String, Object> v2 = Profiles.profile(id, 2, "SQ001", "SQ001-WG01", "DW001");
        Profiles.publish(v2, "CadreUpdated");
        Profiles.awaitVersion(v2);
        String late = TopicProbe.publish("cadre-profiles", id.toString(), "CadreRegistered",
                Profiles.profile(id, 1, "SQ777", "SQ777-WG01", "DW777"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> TestDb.queryLong("select count(*) from inbox_message where ce_id = ?", late) == 1);

        assertThat(TestDb.cadreVersion(id)).isEqualTo(2);
        assertThat(contactsOf(id)).extracting(c -> c.get("layer") + "/" + c.get("orgCode"))
                .containsExactly("UNIT/DW001", "COMMUNITY/SQ001", "GRID/SQ001-WG01");
    }

    @Test
    void aPairingMakesTheVolunteerTheNeighbourContactUntilItEnds() {
        UUID cadreId = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001"));
        UUID pairingId = UUID.randomUUID();
        TopicProbe.publish("volunteering", cadreId.toString(), "PairingCreated", Map.of("pairingId", pairingId.toString(),
                "cadreId", cadreId.toString(), "volunteerId", UUID.randomUUID().toString(), "volunteerName", "刘芳",
                "volunteerPhone", "13700000000", "cadence", "P7D", "startedOn", "2026-11-01"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> contactsOf(cadreId).stream().anyMatch(c -> "NEIGHBOUR".equals(c.get("layer"))));
        Map<String, Object> neighbour = contactsOf(cadreId).stream().filter(c -> "NEIGHBOUR".equals(c.get("layer")))
                .findFirst().orElseThrow();
        assertThat(neighbour.get("name")).isEqualTo("刘芳");
        assertThat(neighbour.get("source")).isEqualTo("PAIRING");
        assertThat(neighbour.get("pairingId")).isEqualTo(pairingId.toString());

        TopicProbe.publish("volunteering", cadreId.toString(), "PairingEnded", Map.of("pairingId", pairingId.toString(),
                "cadreId", cadreId.toString(), "endedOn", "2026-11-20", "reason", "志愿者搬家"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> contactsOf(cadreId).stream().noneMatch(c -> "NEIGHBOUR".equals(c.get("layer"))));
    }

    @Test
    void aMalformedProfileGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String badKey = UUID.randomUUID().toString();
        TopicProbe.publish("cadre-profiles", badKey, "CadreRegistered", "{not json");
        UUID noVersion = UUID.randomUUID();
        Map<String, Object> withoutVersion = Profiles.profile(noVersion, 1, "SQ001", "SQ001-WG01", "DW001");
        withoutVersion.remove("version");
        TopicProbe.publish("cadre-profiles", noVersion.toString(), "CadreRegistered", withoutVersion);
        Map<String, Object> next = Profiles.profile(UUID.randomUUID(), 1, "SQ001", "SQ001-WG01", "DW001");
        Profiles.publish(next, "CadreRegistered");

        List<TopicProbe.Received> dead = TopicProbe.received("cadre-profiles.dlq",
                r -> badKey.equals(r.key()) || noVersion.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(TopicProbe.Received::key).containsExactlyInAnyOrder(badKey, noVersion.toString());
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().get("dead-letter-reason")).isNotBlank());

        UUID good = Profiles.awaitVersion(next);
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", good).get("/api/v1/contacts")
                .then().statusCode(200).body("size()", equalTo(3));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("cadreId", noVersion).get("/api/v1/contacts")
                .then().statusCode(404);
    }
}
