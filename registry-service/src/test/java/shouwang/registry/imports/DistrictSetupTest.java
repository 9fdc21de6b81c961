package shouwang.registry.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/**
 * A district of 4,000 cadres set up from spreadsheets alone, as a bureau would: org records from an XLSX (in an
 * order that lists children before parents), the cadres from a CSV, their responsible contacts from an XLSX, all
 * with Chinese headers and labels.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class DistrictSetupTest {

    private static final String ADMIN = TestTokens.districtAdmin();
    private static final int CADRES = 4_000;
    private static final String AREA = "450102";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);

    private final String p = TestData.prefix();

    private String community(int i) {
        return p + "-SQ" + (i % 6 + 1);
    }

    private String grid(int i) {
        return community(i) + "-WG" + (i % 2 + 1);
    }

    private String unit(int i) {
        return p + "-DW" + (i % 10 + 1);
    }

    private static String idNumber(int i) {
        // 3,650 birth dates x sequence: unique in this file and apart from every other test's area code
        return TestData.idNumber(AREA, FIRST_BIRTH.plusDays(i % 3650), (i / 3650) * 2 + 1);
    }

    private static byte[] xlsx(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                sheet.value(r, c, rows.get(r)[c]);
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    /** Streets, units, communities and grids with their leaders and duty officers, children listed first. */
    private List<String[]> orgRows() {
        List<String[]> rows = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            rows.add(new String[] { "街道", p + "-JD" + s, s == 1 ? "东城街道" : "西城街道", "", "街道主任" + s,
                    "1390531100" + s, "街道值班" + s, "1390531200" + s });
        }
        for (int u = 1; u <= 10; u++) {
            rows.add(new String[] { "单位", p + "-DW" + u, "区直单位" + u, "", "单位领导" + u,
                    String.valueOf(13905313000L + u), "", "" });
        }
        for (int c = 1; c <= 6; c++) {
            rows.add(new String[] { "社区", p + "-SQ" + c, "社区" + c, p + "-JD" + (c <= 3 ? 1 : 2), "社区书记" + c,
                    String.valueOf(13905314000L + c), "社区值班" + c, String.valueOf(13905315000L + c) });
            for (int g = 1; g <= 2; g++) {
                rows.add(new String[] { "网格", p + "-SQ" + c + "-WG" + g, "网格" + g, p + "-SQ" + c, "", "", "", "" });
            }
        }
        Collections.reverse(rows);
        rows.add(new String[] { "片区", p + "-PQ1", "不存在的类型", "", "", "", "", "" });
        rows.add(0, new String[] { "类型", "编码", "名称", "上级编码", "领导姓名", "领导电话", "值班人员姓名", "值班人员电话" });
        return rows;
    }

    private String cadreCsv() {
        StringBuilder csv = new StringBuilder("\uFEFF姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,联系电话\n");
        for (int i = 0; i < CADRES; i++) {
            csv.append("干部").append(i).append(",男,").append(FIRST_BIRTH.plusDays(i % 3650)).append(',')
                    .append(idNumber(i)).append(',').append(i % 20 == 0 ? "离休" : "退休").append(",正科级,")
                    .append(i % 3 == 0 ? "否" : "是").append(',').append(unit(i)).append(',').append(community(i))
                    .append(',').append(grid(i)).append(',').append(13800000000L + i).append('\n');
        }
        return csv.toString();
    }

    /** Per cadre a UNIT and a COMMUNITY contact, a GRID one for every other cadre; one unknown ID number. */
    private List<String[]> contactRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "身份证号", "层级", "姓名", "联系电话", "机构编码" });
        for (int i = 0; i < CADRES; i++) {
            rows.add(new String[] { idNumber(i), "原单位", "单位联系人" + i % 50, String.valueOf(13906000000L + i), "" });
            rows.add(new String[] { idNumber(i), "社区", "社区联系人" + i % 50, String.valueOf(13907000000L + i),
                    community(i) });
            if (i % 2 == 0) {
                rows.add(new String[] { idNumber(i), "网格", "网格员" + i % 50, String.valueOf(13908000000L + i), "" });
            }
        }
        rows.add(new String[] { TestData.idNumber(AREA, LocalDate.of(1929, 6, 1), 999), "社区", "无人", "13900000000", "" });
        return rows;
    }

    @Test
    void aDistrictOfFourThousandCadresIsSetUpFromSpreadsheetsAlone() throws Exception {
        JsonPath orgs = TestData.importAndWait(ADMIN, "orgs", ImportResource.XLSX, xlsx(orgRows()));
        assertEquals("DONE", orgs.getString("status"));
        assertEquals("ORGS", orgs.getString("kind"));
        assertEquals(31, orgs.getInt("total"));
        assertEquals(30, orgs.getInt("accepted"), () -> orgs.prettyPrint());
        assertEquals(1, orgs.getInt("rejected"));
        assertEquals("kind", orgs.getString("errors[0].field"));
        assertEquals(32, orgs.getInt("errors[0].row"));
        given().auth().oauth2(ADMIN).get("/api/v1/org/communities/" + p + "-SQ5").then().statusCode(200)
                .body("streetCode", equalTo(p + "-JD2")).body("streetName", equalTo("西城街道"))
                .body("people[0].role", equalTo("LEADER")).body("people[0].name", equalTo("社区书记5"))
                .body("people[1].role", equalTo("DUTY_OFFICER"));
        given().auth().oauth2(ADMIN).get("/api/v1/org/grids/" + p + "-SQ5-WG2").then().statusCode(200)
                .body("communityCode", equalTo(p + "-SQ5"));

        JsonPath cadres = TestData.importAndWait(ADMIN, "text/csv",
                cadreCsv().getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", cadres.getString("status"));
        assertEquals(CADRES, cadres.getInt("accepted"), () -> cadres.prettyPrint());

        List<String[]> contactRows = contactRows();
        JsonPath contacts = TestData.importAndWait(ADMIN, "contacts", ImportResource.XLSX, xlsx(contactRows));
        assertEquals("DONE", contacts.getString("status"));
        assertEquals("CONTACTS", contacts.getString("kind"));
        assertEquals(contactRows.size() - 2, contacts.getInt("accepted"), () -> contacts.prettyPrint());
        assertEquals(1, contacts.getInt("rejected"));
        assertEquals("idNumber", contacts.getString("errors[0].field"));
        assertEquals(contactRows.size(), contacts.getInt("errors[0].row"));

        int total = 0;
        for (int c = 1; c <= 6; c++) {
            total += given().auth().oauth2(ADMIN).queryParam("communityCode", p + "-SQ" + c)
                    .get("/api/v1/statistics/cadres").then().statusCode(200).extract().<Integer>path("total");
        }
        assertEquals(CADRES, total);

        // a sample cadre: its three contacts, defaulted org codes, one ContactsAssigned for its three rows
        int sample = new Random().nextInt(CADRES / 2) * 2;
        JsonPath found = given().auth().oauth2(ADMIN).queryParam("idNumber", idNumber(sample)).get("/api/v1/cadres")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath();
        String id = found.getString("items[0].id");
        assertEquals(List.of("UNIT", "COMMUNITY", "GRID"), found.getList("items[0].contacts.layer"));
        assertEquals(List.of(unit(sample), community(sample), grid(sample)), found.getList("items[0].contacts.orgCode"));
        assertEquals(List.of(), found.getList("items[0].missingContactLayers"));
        List<ConsumerRecord<String, String>> events = TopicProbe.await("cadre-profiles", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(60));
        assertEquals(List.of("shouwang.CadreRegistered.v1", "shouwang.ContactsAssigned.v1"),
                events.stream().map(r -> TopicProbe.header(r, "ce_type")).toList());
        // one change of contacts for its three rows: one history line (each line has its event, in one transaction)
        given().auth().oauth2(ADMIN).queryParam("action", "CONTACTS_ASSIGNED").get("/api/v1/cadres/" + id + "/history")
                .then().statusCode(200).body("total", equalTo(1));
        JsonNode assigned = TopicProbe.JSON.readTree(events.get(1).value());
        assertEquals(3, assigned.get("contacts").size());
        assertEquals(p + "-JD" + (sample % 6 < 3 ? 1 : 2), assigned.get("streetCode").asText());

        // re-importing the contacts changes nothing, so no new version and no event
        JsonPath again = TestData.importAndWait(ADMIN, "contacts", ImportResource.XLSX, xlsx(contactRows));
        assertEquals(contactRows.size() - 2, again.getInt("accepted"));
        given().auth().oauth2(ADMIN).get("/api/v1/cadres/" + id).then().body("version", equalTo(2));
        assertTrue(given().auth().oauth2(ADMIN).get("/api/v1/org/streets/" + p + "-JD1").then().extract()
                .<List<String>>path("people.name").contains("街道主任1"));
    }

    @Test
    void aContactRowReplacesThatLayerOnlyAndBadRowsNameTheirColumn() {
        String q = TestData.district();
        java.util.Map<String, Object> body = TestData.cadre(q, "李四", LocalDate.of(1941, 2, 3), true);
        String id = TestData.register(body);
        given().auth().oauth2(ADMIN).contentType("application/json").body(List.of(
                java.util.Map.of("layer", "UNIT", "name", "老联系人", "phone", "13900000001"),
                java.util.Map.of("layer", "NEIGHBOUR", "name", "邻居", "phone", "13900000009")))
                .put("/api/v1/cadres/" + id + "/contacts").then().statusCode(200);
        String csv = "idNumber,layer,name,phone,orgCode\n"
                + body.get("idNumber") + ",UNIT,新联系人,13900000002,\n"
                + body.get("idNumber") + ",坐标,某人,13900000003,\n"
                + body.get("idNumber") + ",GRID,网格员,123,\n"
                + body.get("idNumber") + ",COMMUNITY,社区人,13900000004,NO-SUCH-COMMUNITY\n"
                + "12345,GRID,某人,13900000005,\n";
        JsonPath status = TestData.importAndWait(ADMIN, "contacts", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, status.getInt("accepted"), () -> status.prettyPrint());
        assertEquals(4, status.getInt("rejected"));
        assertEquals(List.of("layer", "phone", "orgCode", "idNumber"), status.getList("errors.field"));
        assertEquals(List.of(3, 4, 5, 6), status.getList("errors.row"));
        JsonPath cadre = given().auth().oauth2(ADMIN).get("/api/v1/cadres/" + id).then().extract().jsonPath();
        assertEquals(List.of("NEIGHBOUR", "UNIT"), cadre.getList("contacts.layer"));
        assertEquals("新联系人", cadre.getString("contacts[1].name"));

        String worker = TestTokens.user("community-worker").communities(q + "-SQ2").token();
        JsonPath outside = TestData.importAndWait(worker, "contacts", "text/csv",
                ("身份证号,层级,姓名,联系电话\n" + body.get("idNumber") + ",邻里,邻居二,13900000010\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, outside.getInt("rejected"));
        assertEquals("idNumber", outside.getString("errors[0].field"));
        given().auth().oauth2(worker).contentType("text/csv").body("类型,编码,名称\n单位,X1,某单位\n")
                .post("/api/v1/imports/orgs").then().statusCode(403);
        JsonPath missing = TestData.importAndWait(ADMIN, "contacts", "text/csv",
                "身份证号,姓名\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("FAILED", missing.getString("status"));
        assertEquals(List.of("layer", "phone"), missing.getList("errors.field"));
    }
}
