package shouwang.registry.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;
import shouwang.registry.XlsxMedia;

/** The statistics download as XLSX with Chinese headers, labels and community names, the same figures as JSON. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class StatisticsWorkbookTest {

    @Test
    void theStatisticsSpreadsheetHoldsTheFiguresOfTheJsonAnswer() throws Exception {
        String p = TestData.district();
        TestData.register(TestData.cadre(p, "甲", LocalDate.of(1940, 1, 1), true));
        TestData.register(TestData.cadre(p, "乙", LocalDate.of(1950, 6, 1), false));
        TestData.register(TestData.cadre(p, "丙", LocalDate.of(1960, 6, 1), false));
        String worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        JsonPath json = given().auth().oauth2(worker).get("/api/v1/statistics/cadres").then().statusCode(200)
                .extract().jsonPath();
        byte[] xlsx = given().auth().oauth2(worker).accept(XlsxMedia.TYPE).get("/api/v1/statistics/cadres").then()
                .statusCode(200).contentType(XlsxMedia.TYPE).extract().asByteArray();

        Map<String, String> cells = new HashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("干部统计", workbook.getFirstSheet().getName());
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(List.of("分类", "项目", "人数"), rows.get(0).stream().map(cell -> cell.getText()).toList());
            for (Row row : rows.subList(1, rows.size())) {
                cells.put(row.getCellText(0) + "/" + row.getCellText(1), row.getCellText(2));
            }
        }
        assertEquals(3, json.getInt("total"));
        assertEquals("3", cells.get("总人数/合计"));
        assertEquals(String.valueOf(json.getInt("byGender.MALE")), cells.get("性别/男"));
        assertEquals(String.valueOf(json.getInt("byGender.FEMALE")), cells.get("性别/女"));
        assertEquals("3", cells.get("职级/正科级"));
        assertEquals("3", cells.get("离退休类型/退休"));
        assertEquals("1", cells.get("年龄段/80-89岁"));
        assertEquals("3", cells.get("是否党员/党员"));
        assertEquals("3", cells.get("社区/幸福里社区（" + p + "-SQ1）"));
        assertEquals(String.valueOf(json.getDouble("aged70PlusShare")), cells.get("70岁及以上占比/占比"));
    }
}
