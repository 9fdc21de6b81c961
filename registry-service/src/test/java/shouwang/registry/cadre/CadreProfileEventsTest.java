package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CadreProfileEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangePublishesTheFullProfileKeyedByCadreWithoutThePlainIdNumber() throws Exception {
        String p = TestData.district();
        Map<String, Object> body = TestData.cadre(p, "王建国", LocalDate.of(1938, 10, 2), true);
        body.put("specialCategories", List.of("WIDOWED_CHILDLESS"));
        body.put("address", "东城街道幸福里3号楼2单元101");
        String idNumber = (String) body.get("idNumber");
        String id = TestData.register(body);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001"),
                        Map.of("layer", "GRID", "name", "孙强", "phone", "13900000003")))
                .put("/api/v1/cadres/" + id + "/contacts").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.await("cadre-profiles", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals("shouwang.CadreRegistered.v1", TopicProbe.header(records.get(0), "ce_type"));
        assertEquals("shouwang.ContactsAssigned.v1", TopicProbe.header(records.get(1), "ce_type"));
        assertEquals(id, TopicProbe.header(records.get(0), "ce_subject"));
        assertEquals("/shouwang/registry-service", TopicProbe.header(records.get(0), "ce_source"));

        JsonNode registered = JSON.readTree(records.get(0).value());
        List<String> fields = new java.util.ArrayList<>();
        registered.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "version", "updatedAt", "name", "gender", "birthDate", "idNumberMasked",
                "retirementType", "rank", "partyMember", "unitCode", "communityCode", "gridCode", "streetName",
                "streetCode", "districtCode", "livingArrangement", "selfCare", "specialCategories", "keyServiceTarget", "phone", "address", "status",
                "deceasedOn", "movedAwayOn", "contacts", "partyBranchCode", "householdId", "householdMemberIds"), fields,
                "the bare profile, as docs/events.md shows it");
        assertEquals(1, registered.get("version").asInt());
        assertEquals("王建国", registered.get("name").asText());
        assertEquals("1938-10-02", registered.get("birthDate").asText());
        assertEquals(idNumber.substring(0, 6) + "********" + idNumber.substring(14), registered.get("idNumberMasked").asText());
        assertEquals("东城街道", registered.get("streetName").asText());
        assertTrue(registered.get("districtCode").isNull(), "a one-district registry: its streets name no district");
        assertTrue(registered.get("keyServiceTarget").asBoolean());
        assertEquals("ACTIVE", registered.get("status").asText());
        assertTrue(registered.has("deceasedOn") && registered.get("deceasedOn").isNull());
        assertEquals(0, registered.get("contacts").size());

        JsonNode assigned = JSON.readTree(records.get(1).value());
        assertEquals(2, assigned.get("version").asInt());
        assertEquals("GRID", assigned.get("contacts").get(1).get("layer").asText());
        assertEquals(p + "-SQ1-WG1", assigned.get("contacts").get(1).get("orgCode").asText());
        assertEquals("东城街道幸福里3号楼2单元101", assigned.get("address").asText());
        for (ConsumerRecord<String, String> record : records) {
            assertFalse(record.value().contains(idNumber), "the plain ID card number must never travel on the bus");
        }
    }

    @Test
    void aNewConsumerRebuildsTheCurrentProfilesFromTheTopicAlone() throws Exception {
        String p = TestData.district();
        String admin = TestTokens.districtAdmin();
        String first = TestData.register(TestData.cadre(p, "甲", LocalDate.of(1940, 1, 1), true));
        String second = TestData.register(TestData.cadre(p, "乙", LocalDate.of(1941, 1, 1), false));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "COMMUNITY", "name", "赵敏", "phone", "13900000002")))
                .put("/api/v1/cadres/" + first + "/contacts").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("communityCode", p + "-SQ2", "gridCode", p + "-SQ2-WG1"))
                .post("/api/v1/cadres/" + first + "/moves").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("diedOn", "2026-01-01"))
                .post("/api/v1/cadres/" + second + "/death").then().statusCode(200);

        // a fresh reader: everything on the topic, latest version per key wins
        Map<String, JsonNode> readModel = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : TopicProbe.await("cadre-profiles",
                r -> first.equals(r.key()) || second.equals(r.key()), 5, Duration.ofSeconds(30))) {
            JsonNode profile = JSON.readTree(record.value());
            JsonNode held = readModel.get(record.key());
            if (held == null || held.get("version").asLong() < profile.get("version").asLong()) {
                readModel.put(record.key(), profile);
            }
        }
        for (String id : List.of(first, second)) {
            JsonNode rebuilt = readModel.get(id);
            io.restassured.path.json.JsonPath current = given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then()
                    .extract().jsonPath();
            assertEquals(current.getInt("version"), rebuilt.get("version").asInt());
            assertEquals(current.getString("status"), rebuilt.get("status").asText());
            assertEquals(current.getString("communityCode"), rebuilt.get("communityCode").asText());
            assertEquals(current.getList("contacts").size(), rebuilt.get("contacts").size());
            assertEquals(String.valueOf(current.getString("deceasedOn")), rebuilt.get("deceasedOn").asText());
        }
    }
}
