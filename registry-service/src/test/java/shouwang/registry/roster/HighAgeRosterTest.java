package shouwang.registry.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestClock;
import shouwang.registry.TestData;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class HighAgeRosterTest {

    private String p;
    private String admin;
    private String turning80;

    @BeforeEach
    void district() {
        p = TestData.district();
        admin = TestTokens.districtAdmin();
        Map<String, Object> a = TestData.cadre(p, "甲年满八十", LocalDate.of(1946, 3, 10), true);
        turning80 = (String) a.get("idNumber");
        TestData.register(a);
        TestData.register(TestData.cadre(p, "乙将满九十", LocalDate.of(1936, 3, 20), false));
        String died = TestData.register(TestData.cadre(p, "丙已故", LocalDate.of(1940, 1, 1), true));
        String left = TestData.register(TestData.cadre(p, "丁迁出", LocalDate.of(1930, 5, 5), true));
        TestData.register(TestData.cadre(p, "戊百岁", LocalDate.of(1926, 1, 1), false));
        TestData.register(TestData.cadre(p, "己七十六", LocalDate.of(1950, 1, 1), true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("diedOn", "2026-02-10"))
                .post("/api/v1/cadres/" + died + "/death").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("leavesDistrict", true, "movedOn", "2026-02-20"))
                .post("/api/v1/cadres/" + left + "/moves").then().statusCode(200);
    }

    @Test
    void theRosterListsTheOver80sByBandWithTheChangesFromLastMonth() {
        JsonPath roster = given().auth().oauth2(admin).queryParam("month", "2026-03").queryParam("communityCode", p + "-SQ1")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        assertEquals(3, roster.getInt("total"));
        assertEquals(Map.of("80-89", 1, "90-99", 1, "100+", 1), roster.getMap("byBand"));
        assertEquals(List.of("乙将满九十", "戊百岁", "甲年满八十").stream().sorted().toList(),
                roster.getList("items.name").stream().sorted().toList());
        assertEquals(turning80, roster.getString("items.find { it.name == '甲年满八十' }.idNumber"));
        assertEquals(80, roster.getInt("items.find { it.name == '甲年满八十' }.age"));
        assertEquals(List.of(
                Map.of("name", "乙将满九十", "change", "BAND_CHANGED", "fromBand", "80-89", "toBand", "90-99", "on", "2026-03-20"),
                Map.of("name", "丙已故", "change", "DIED", "fromBand", "80-89", "on", "2026-02-10"),
                Map.of("name", "丁迁出", "change", "MOVED_AWAY", "fromBand", "90-99", "on", "2026-02-20"),
                Map.of("name", "甲年满八十", "change", "TURNED_80", "toBand", "80-89", "on", "2026-03-10")),
                roster.<Map<String, Object>>getList("changes").stream().map(change -> {
                    Map<String, Object> copy = new java.util.HashMap<>(change);
                    copy.remove("cadreId");
                    copy.values().removeIf(java.util.Objects::isNull);
                    return copy;
                }).sorted(java.util.Comparator.comparing(m -> (String) m.get("change"))).toList());
    }

    @Test
    void theRosterDownloadsAsAChineseSpreadsheetWithMaskedIdNumbersForCommunityWorkers() throws IOException {
        byte[] xlsx = given().auth().oauth2(TestTokens.user("community-worker").communities(p + "-SQ1").token())
                .accept(HighAgeRosterResource.XLSX).queryParam("month", "2026-03")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200)
                .contentType(HighAgeRosterResource.XLSX).extract().asByteArray();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getFirstSheet();
            assertEquals("高龄津贴名单", sheet.getName());
            List<Row> rows = sheet.read();
            assertEquals(List.of("序号", "姓名", "性别", "出生日期", "年龄", "年龄段", "身份证号"),
                    rows.get(0).stream().limit(7).map(cell -> cell.getText()).toList());
            assertEquals(4, rows.size());
            Row first80 = rows.stream().filter(row -> "甲年满八十".equals(row.getCellText(1))).findFirst().orElseThrow();
            assertEquals("男", first80.getCellText(2));
            assertEquals(turning80.substring(0, 6) + "********" + turning80.substring(14), first80.getCellText(6));
            assertEquals("年满80周岁", first80.getCellText(12));
            Sheet changes = workbook.getSheet(1).orElseThrow();
            assertEquals("变动情况", changes.getName());
            assertTrue(changes.read().stream().anyMatch(row -> "去世".equals(row.getCellText(2))));
        }
    }

    @Test
    void withoutAMonthItIsTheDistrictsCurrentMonth() {
        // 16:30 UTC on 31 March is already 1 April in the district
        TestClock.at(Instant.parse("2026-03-31T16:30:00Z"), () -> given().auth().oauth2(admin)
                .queryParam("communityCode", p + "-SQ1").get("/api/v1/reports/high-age-subsidy").then().statusCode(200)
                .body("month", equalTo("2026-04")));
    }

    @Test
    void aTokenWithoutScopeGetsAnEmptyRosterAndMayNotFilter() {
        String unscoped = TestTokens.user("community-worker").token();
        given().auth().oauth2(unscoped).queryParam("month", "2026-03").get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(200).body("total", equalTo(0)).body("items", empty());
        given().auth().oauth2(unscoped).queryParam("month", "2026-03").queryParam("communityCode", p + "-SQ1")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(403);
    }

    @Test
    void aMonthMustBeAMonth() {
        given().auth().oauth2(admin).queryParam("month", "2026-13").get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
