package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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
class LifeEventsAndHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String p;
    private String worker;

    @BeforeEach
    void org() {
        p = TestData.district();
        worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
    }

    private String cadreWithAllContacts() {
        String id = TestData.register(TestData.cadre(p, "王建国", LocalDate.of(1935, 5, 1), true));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001"),
                        Map.of("layer", "COMMUNITY", "name", "赵敏", "phone", "13900000002"),
                        Map.of("layer", "GRID", "name", "孙强", "phone", "13900000003"),
                        Map.of("layer", "NEIGHBOUR", "name", "邻居老张", "phone", "13900000004")))
                .put("/api/v1/cadres/" + id + "/contacts").then().statusCode(200);
        return id;
    }

    private JsonNode lastEvent(String id, int expectedCount) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicProbe.await("cadre-profiles", r -> id.equals(r.key()),
                expectedCount, Duration.ofSeconds(30));
        assertEquals(expectedCount, records.size());
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        ObjectNodeWithType event = new ObjectNodeWithType(TopicProbe.header(last, "ce_type"), JSON.readTree(last.value()));
        return JSON.valueToTree(Map.of("type", event.type(), "data", event.data()));
    }

    private record ObjectNodeWithType(String type, JsonNode data) {
    }

    @Test
    void movingHouseKeepsTheUnitAndDropsTheContactsOfTheOldHome() throws Exception {
        String id = cadreWithAllContacts();

        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("communityCode", p + "-SQ2", "gridCode", p + "-SQ2-WG1", "address", "和平社区5号楼"))
                .post("/api/v1/cadres/" + id + "/moves").then().statusCode(200)
                .body("communityCode", equalTo(p + "-SQ2")).body("gridCode", equalTo(p + "-SQ2-WG1"))
                .body("unitCode", equalTo(p + "-DW")).body("contacts.layer", contains("UNIT"))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(3));

        JsonNode event = lastEvent(id, 3);
        assertEquals("shouwang.CadreUpdated.v1", event.get("type").asText());
        assertEquals(3, event.get("data").get("version").asInt());
        assertEquals(p + "-SQ2", event.get("data").get("communityCode").asText());
        assertEquals("西城街道", event.get("data").get("streetName").asText());
        assertEquals(1, event.get("data").get("contacts").size());
        // the old community's worker no longer sees the cadre
        given().auth().oauth2(worker).get("/api/v1/cadres/" + id).then().statusCode(404);
    }

    @Test
    void movingOutOfTheDistrictMarksTheCadreMovedAway() throws Exception {
        String id = TestData.register(TestData.cadre(p, "李建军", LocalDate.of(1940, 1, 1), true));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("leavesDistrict", true, "movedOn", "2026-01-15"))
                .post("/api/v1/cadres/" + id + "/moves").then().statusCode(200)
                .body("status", equalTo("MOVED_AWAY")).body("movedAwayOn", equalTo("2026-01-15"));
        JsonNode event = lastEvent(id, 2);
        assertEquals("shouwang.CadreMovedAway.v1", event.get("type").asText());
        assertEquals("2026-01-15", event.get("data").get("movedAwayOn").asText());
    }

    @Test
    void aDeathSetsDeceasedAndTheDateAndIsAnnouncedOnce() throws Exception {
        String id = TestData.register(TestData.cadre(p, "张秀兰", LocalDate.of(1930, 1, 1), false));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("diedOn", "2099-01-01"))
                .post("/api/v1/cadres/" + id + "/death").then().statusCode(400).body("violations[0].field", equalTo("diedOn"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("diedOn", "2026-03-01"))
                    .post("/api/v1/cadres/" + id + "/death").then().statusCode(200)
                    .body("status", equalTo("DECEASED")).body("deceasedOn", equalTo("2026-03-01")).body("version", equalTo(2));
        }
        JsonNode event = lastEvent(id, 2);
        assertEquals("shouwang.CadreDeceased.v1", event.get("type").asText());
        assertEquals("DECEASED", event.get("data").get("status").asText());
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("communityCode", p + "-SQ2")).post("/api/v1/cadres/" + id + "/moves").then().statusCode(409);
    }

    @Test
    void theHistorySaysWhoChangedWhatAndWhenAndWhoSawTheIdNumber() {
        String id = cadreWithAllContacts();
        String admin = TestTokens.districtAdmin();
        String masked = given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then().statusCode(200)
                .extract().path("idNumberMasked");

        given().auth().oauth2(admin).queryParam("size", 100).get("/api/v1/cadres/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItem("CREATED")).body("items.action", hasItem("CONTACTS_ASSIGNED"))
                .body("items.action", hasItem("ID_NUMBER_VIEWED"))
                .body("items.find { it.action == 'CONTACTS_ASSIGNED' }.actor", equalTo("community-worker"))
                .body("items.find { it.action == 'CONTACTS_ASSIGNED' }.version", equalTo(2))
                .body("items.find { it.action == 'CONTACTS_ASSIGNED' }.changes.contacts.to.size()", equalTo(4))
                .body("items.find { it.action == 'CREATED' }.changes.idNumber.to", equalTo(masked))
                .body("items.findAll { it.action == 'ID_NUMBER_VIEWED' }.source", hasItem("GET /cadres/{id}"))
                .body("items.find { it.action == 'ID_NUMBER_VIEWED' }.changes", nullValue());
        given().auth().oauth2(worker).get("/api/v1/cadres/" + id + "/history").then().statusCode(403);
    }
}
