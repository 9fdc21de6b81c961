package shouwang.registry.imports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;
import shouwang.registry.cadre.CadreRepository;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CadreImportTest {

    static final String CHINESE_HEADER = "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话";

    @Inject
    DataSource dataSource;

    private String p;
    private String admin;

    @BeforeEach
    void org() {
        p = TestData.district();
        admin = TestTokens.districtAdmin();
    }

    private String row(String name, String gender, LocalDate birth, String idNumber, String community, String grid,
            String special) {
        return String.join(",", name, gender, birth.toString(), idNumber, "离休", "正县级", "是", p + "-DW", community,
                grid, "独居", "部分自理", special, "13800000001");
    }

    private static void textRow(Worksheet sheet, int row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            sheet.value(row, c, values[c]);
        }
    }

    @Test
    void aChineseCsvKeepsTheGoodRowsAndNamesEveryRejectedField() {
        LocalDate birth = LocalDate.of(1936, 4, 5);
        String good1 = TestData.idNumber(birth, true);
        String good2 = TestData.idNumber(birth, false);
        String badChecksum = TestData.idNumber(birth, true);
        badChecksum = badChecksum.substring(0, 17) + (badChecksum.charAt(17) == '1' ? '2' : '1');
        String csv = "\uFEFF" + CHINESE_HEADER + "\n"
                + row("王建国", "男", birth, good1, p + "-SQ1", p + "-SQ1-WG1", "孤寡;残疾") + "\n"
                + row("李秀英", "女", birth, good2, p + "-SQ1", "", "") + "\n"
                + row("张三", "男的", birth, badChecksum, p + "-SQ1", p + "-SQ1-WG1", "") + "\n"
                + "\n"
                + row("赵四", "男", birth, TestData.idNumber(birth, true), "NOWHERE", "", "外星人") + "\n";

        JsonPath status = TestData.importAndWait(admin, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));

        assertEquals("DONE", status.getString("status"));
        assertEquals(4, status.getInt("total"));
        assertEquals(4, status.getInt("processed"));
        assertEquals(2, status.getInt("accepted"));
        assertEquals(2, status.getInt("rejected"));
        List<Map<String, Object>> errors = status.getList("errors");
        org.hamcrest.MatcherAssert.assertThat(errors, hasItem(Map.of("row", 4, "field", "gender",
                "message", "'男的' must be one of MALE/男, FEMALE/女")));
        org.hamcrest.MatcherAssert.assertThat(errors, hasItem(Map.of("row", 4, "field", "idNumber",
                "message", "check digit does not match (GB 11643)")));
        org.hamcrest.MatcherAssert.assertThat(errors.stream().filter(e -> e.get("row").equals(6)).map(e -> e.get("field")).toList(),
                org.hamcrest.Matchers.containsInAnyOrder("communityCode", "specialCategories"));

        given().auth().oauth2(admin).queryParam("idNumber", good1).get("/api/v1/cadres").then()
                .body("total", equalTo(1)).body("items[0].name", equalTo("王建国"))
                .body("items[0].retirementType", equalTo("LIXIU")).body("items[0].rank", equalTo("COUNTY_CHIEF"))
                .body("items[0].partyMember", equalTo(true)).body("items[0].livingArrangement", equalTo("ALONE"))
                .body("items[0].selfCare", equalTo("PARTIAL"))
                .body("items[0].specialCategories", equalTo(List.of("WIDOWED_CHILDLESS", "DISABLED")))
                .body("items[0].keyServiceTarget", equalTo(true));
    }

    @Test
    void aCsvImportShowsItsTotalOfDataRowsFromTheStartAndProcessedReachesIt() {
        int good = 3000;
        StringBuilder csv = new StringBuilder(CHINESE_HEADER).append("\r\n\r\n");
        for (int i = 0; i < good; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i);
            csv.append(row("干部" + i, "男", birth, TestData.idNumber("440305", birth, 1), p + "-SQ1", "", "")).append("\r\n");
            if (i % 1000 == 0) {
                csv.append(",,,,\r\n").append("\"\",\"  \"\r\n\n");
            }
        }
        LocalDate birth = LocalDate.of(1938, 3, 3);
        csv.append(row("张三", "男的", birth, TestData.idNumber(birth, true), p + "-SQ1", "", "")).append("\n")
                .append(row("\"李,\n四\"", "男", birth, TestData.idNumber(birth, true), "NOWHERE", "", "")).append("\n")
                .append(row("王五", "男", birth, "123", p + "-SQ1", "", "")).append("\n\n");
        String id = given().auth().oauth2(admin).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/cadres").then().statusCode(202).extract().path("id");

        // every poll sees a job either still RUNNING with rows left, or DONE with every row processed: never between
        List<JsonPath> polls = new java.util.ArrayList<>();
        JsonPath status = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
            JsonPath now = given().auth().oauth2(admin).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            polls.add(now);
            return now;
        }, now -> !"RUNNING".equals(now.getString("status")));

        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(good + 3, status.getInt("total"));
        assertEquals(status.getInt("total"), status.getInt("processed"));
        assertEquals(good, status.getInt("accepted"));
        assertEquals(3, status.getInt("rejected"));
        for (JsonPath seen : polls) {
            Integer total = seen.get("total");
            int processed = seen.getInt("processed");
            if ("RUNNING".equals(seen.getString("status"))) {
                if (total == null) {
                    assertEquals(0, processed, seen.prettify());
                } else {
                    assertEquals(good + 3, total, seen.prettify());
                    org.hamcrest.MatcherAssert.assertThat(seen.prettify(), processed, org.hamcrest.Matchers.lessThan(total));
                }
            } else {
                assertEquals("DONE", seen.getString("status"), seen.prettify());
                assertEquals(good + 3, total, seen.prettify());
                assertEquals(good + 3, processed, seen.prettify());
            }
        }
        org.hamcrest.MatcherAssert.assertThat("progress was seen while running", polls.stream()
                .filter(seen -> "RUNNING".equals(seen.getString("status")) && seen.getInt("processed") > 0).toList(),
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void anXlsxImportCountsItsDataRowsWithoutTheBlankOnes() throws IOException {
        LocalDate birth = LocalDate.of(1932, 7, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("离退休干部");
            textRow(sheet, 1, CHINESE_HEADER.split(","));
            List<String> rows = List.of(
                    row("周一", "男", birth, TestData.idNumber(birth, true), p + "-SQ1", "", ""),
                    row("周二", "女", birth, TestData.idNumber(birth, false), p + "-SQ1", "", ""),
                    row("周三", "男", birth, TestData.idNumber(birth, true), p + "-SQ2", "", ""),
                    row("周四", "男的", birth, TestData.idNumber(birth, true), p + "-SQ1", "", ""),
                    row("周五", "男", birth, TestData.idNumber(birth, true), "NOWHERE", "", ""));
            int r = 2;
            for (String values : rows) {
                textRow(sheet, r, values.split(",", -1));
                r += 2; // a row left out in between
                sheet.value(r - 1, 0, " ");
                sheet.value(r - 1, 3, "");
            }
            workbook.finish();
        }

        JsonPath status = TestData.importAndWait(admin, ImportResource.XLSX, out.toByteArray());

        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(5, status.getInt("total"), status.prettify());
        assertEquals(5, status.getInt("processed"));
        assertEquals(3, status.getInt("accepted"));
        assertEquals(2, status.getInt("rejected"));
    }

    @Test
    void reImportingAnIdNumberUpdatesThatCadreInsteadOfDuplicatingIt() {
        LocalDate birth = LocalDate.of(1944, 12, 31);
        String idNumber = TestData.idNumber(birth, true);
        String first = CHINESE_HEADER + "\n" + row("王建国", "男", birth, idNumber, p + "-SQ1", p + "-SQ1-WG1", "");
        assertEquals(1, TestData.importAndWait(admin, "text/csv", first.getBytes(StandardCharsets.UTF_8)).getInt("accepted"));
        String id = given().auth().oauth2(admin).queryParam("idNumber", idNumber).get("/api/v1/cadres").then()
                .extract().path("items[0].id");

        String moved = "name,idNumber,communityCode,gridCode,phone\n王建国," + idNumber + "," + p + "-SQ2," + p
                + "-SQ2-WG1,13912345678\n";
        JsonPath status = TestData.importAndWait(admin, "text/csv", moved.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, status.getInt("accepted"));

        given().auth().oauth2(admin).queryParam("idNumber", idNumber).get("/api/v1/cadres").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].version", equalTo(2))
                .body("items[0].communityCode", equalTo(p + "-SQ2")).body("items[0].phone", equalTo("13912345678"))
                .body("items[0].rank", equalTo("COUNTY_CHIEF"));
    }

    @Test
    void theBulkInsertWritesEveryColumnOfTheCadreTable() throws Exception {
        List<String> columns = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select column_name from "
                        + "information_schema.columns where table_name = 'cadre' and table_schema = current_schema()")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        // a column added by a migration but not to the COPY would be left at its default for every imported cadre
        assertEquals(new java.util.TreeSet<>(columns), new java.util.TreeSet<>(CadreRepository.COLUMNS));
    }

    @Test
    void cellsComeBackExactlyAndANumberTwiceInOneFileIsOneCadreRevised() throws IOException {
        LocalDate birth = LocalDate.of(1941, 7, 1);
        String idNumber = TestData.idNumber(birth, true);
        // what the bulk path's text format must carry: backslashes, tabs, line breaks, its own null marker, emoji
        String address = "北京市\\朝阳区\t望京\\N 1号";
        String notes = "第一行\n第二行\r\n\\N 😀 \"引号\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("cadres");
            textRow(sheet, 0, new String[] { "name", "gender", "birthDate", "idNumber", "retirementType", "rank",
                    "partyMember", "unitCode", "communityCode", "gridCode", "livingArrangement", "selfCare",
                    "specialCategories", "phone", "address", "notes" });
            textRow(sheet, 1, new String[] { "欧阳建华", "男", birth.toString(), idNumber, "离休", "正县级", "是", p + "-DW",
                    p + "-SQ1", p + "-SQ1-WG1", "独居", "部分自理", "残疾", "13800138002", address, notes });
            // the same number again, further down the same file: a revision of the cadre the first row created
            textRow(sheet, 2, new String[] { "欧阳建华", "男", birth.toString(), idNumber, "离休", "正县级", "是", p + "-DW",
                    p + "-SQ1", p + "-SQ1-WG1", "独居", "部分自理", "残疾", "13900139003", address, notes });
            workbook.finish();
        }

        JsonPath status = TestData.importAndWait(admin, ImportResource.XLSX, out.toByteArray());
        assertEquals(2, status.getInt("accepted"), status.prettify());
        String id = given().auth().oauth2(admin).queryParam("idNumber", idNumber).get("/api/v1/cadres").then()
                .body("total", equalTo(1)).extract().path("items[0].id");

        given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("欧阳建华")).body("gender", equalTo("MALE"))
                .body("birthDate", equalTo("1941-07-01")).body("retirementType", equalTo("LIXIU"))
                .body("rank", equalTo("COUNTY_CHIEF")).body("partyMember", equalTo(true))
                .body("unitCode", equalTo(p + "-DW")).body("communityCode", equalTo(p + "-SQ1"))
                .body("gridCode", equalTo(p + "-SQ1-WG1")).body("livingArrangement", equalTo("ALONE"))
                .body("selfCare", equalTo("PARTIAL")).body("specialCategories", equalTo(List.of("DISABLED")))
                .body("keyServiceTarget", equalTo(true)).body("phone", equalTo("13900139003"))
                .body("address", equalTo(address)).body("notes", equalTo(notes))
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(admin).get("/api/v1/cadres/" + id + "/history").then().statusCode(200)
                // the searches by number above add their ID_NUMBER_VIEWED lines after these
                .body("items.findAll { it.action != 'ID_NUMBER_VIEWED' }.action", equalTo(List.of("CREATED", "UPDATED")))
                .body("items.findAll { it.action != 'ID_NUMBER_VIEWED' }.version", equalTo(List.of(1, 2)))
                .body("items[1].changes.phone.to", equalTo("13900139003"));
    }

    /** Imports a one-row XLSX, checks the row was accepted, and answers the search for its cadre. */
    private ValidatableResponse importedAlone(byte[] xlsx, String idNumber) {
        JsonPath status = TestData.importAndWait(admin, ImportResource.XLSX, xlsx);
        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(1, status.getInt("accepted"), status.prettify());
        return given().auth().oauth2(admin).queryParam("idNumber", idNumber).get("/api/v1/cadres").then();
    }

    @Test
    void anXlsxWithEnglishHeadersNumericCellsAndDateCellsIsImported() throws IOException {
        LocalDate birth = LocalDate.of(1930, 2, 28);
        String idNumber = TestData.idNumber(birth, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("cadres");
            String[] headers = { "name", "gender", "birthDate", "idNumber", "retirementType", "rank", "partyMember",
                    "unitCode", "communityCode", "gridCode", "livingArrangement", "selfCare", "specialCategories", "phone" };
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            Object[] values = { "刘桂兰", "FEMALE", birth, idNumber, "TUIXIU", "SECTION_DEPUTY", "false", p + "-DW",
                    p + "-SQ1", p + "-SQ1-WG1", "WITH_CAREGIVER", "NONE", "SERIOUS_ILLNESS", 13800138000L };
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof LocalDate date) {
                    sheet.value(1, c, date);
                    sheet.style(1, c).format("yyyy-mm-dd").set();
                } else if (values[c] instanceof Long number) {
                    sheet.value(1, c, number);
                } else {
                    sheet.value(1, c, (String) values[c]);
                }
            }
            workbook.finish();
        }

        importedAlone(out.toByteArray(), idNumber)
                .body("items[0].birthDate", equalTo("1930-02-28")).body("items[0].phone", equalTo("13800138000"))
                .body("items[0].partyMember", equalTo(false)).body("items[0].selfCare", equalTo("NONE"));
    }

    @Test
    void anXlsxWithChineseHeadersAndChineseLabelsIsImported() throws IOException {
        LocalDate birth = LocalDate.of(1936, 9, 9);
        String idNumber = TestData.idNumber(birth, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("离退休干部");
            textRow(sheet, 0, CHINESE_HEADER.split(","));
            String[] values = { "王秀英", "女", birth.toString(), idNumber, "离休", "正县级", "是", p + "-DW", p + "-SQ1",
                    p + "-SQ1-WG1", "独居", "部分自理", "孤寡", "13800138001" };
            textRow(sheet, 1, values);
            workbook.finish();
        }

        importedAlone(out.toByteArray(), idNumber)
                .body("items[0].name", equalTo("王秀英")).body("items[0].gender", equalTo("FEMALE"))
                .body("items[0].retirementType", equalTo("LIXIU")).body("items[0].rank", equalTo("COUNTY_CHIEF"))
                .body("items[0].partyMember", equalTo(true)).body("items[0].livingArrangement", equalTo("ALONE"))
                .body("items[0].selfCare", equalTo("PARTIAL"))
                .body("items[0].specialCategories[0]", equalTo("WIDOWED_CHILDLESS"))
                .body("items[0].keyServiceTarget", equalTo(true));
    }

    @Test
    void aCsvSavedByChineseExcelInGb18030IsReadToo() {
        LocalDate birth = LocalDate.of(1950, 6, 1);
        String idNumber = TestData.idNumber(birth, true);
        String csv = CHINESE_HEADER + "\r\n" + row("陈国强", "男", birth, idNumber, p + "-SQ1", "", "") + "\r\n";
        JsonPath status = TestData.importAndWait(admin, "text/csv", csv.getBytes(Charset.forName("GB18030")));
        assertEquals(1, status.getInt("accepted"), status.prettify());
        given().auth().oauth2(admin).queryParam("idNumber", idNumber).get("/api/v1/cadres").then()
                .body("items[0].name", equalTo("陈国强"));
    }

    @Test
    void aFileWithoutTheIdNumberColumnFailsAndSaysWhy() {
        JsonPath status = TestData.importAndWait(admin, "text/csv", "姓名,性别\n王建国,男\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("FAILED", status.getString("status"));
        org.hamcrest.MatcherAssert.assertThat(status.getList("errors"), hasSize(1));
        assertEquals("idNumber", status.getString("errors[0].field"));
    }

    @Test
    void aCommunityWorkerImportsOnlyIntoItsScopeAndSeesOnlyItsOwnImports() {
        LocalDate birth = LocalDate.of(1940, 1, 1);
        String csv = CHINESE_HEADER + "\n" + row("甲", "男", birth, TestData.idNumber(birth, true), p + "-SQ1", "", "")
                + "\n" + row("乙", "男", birth, TestData.idNumber(birth, true), p + "-SQ2", "", "") + "\n";
        String worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        JsonPath status = TestData.importAndWait(worker, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, status.getInt("accepted"));
        assertEquals(3, status.getInt("errors[0].row"));
        assertEquals("outside your scope", status.getString("errors[0].message"));
        given().auth().oauth2(TestTokens.named("another-worker").roles("community-worker").communities(p + "-SQ2").token())
                .get("/api/v1/imports/" + status.getString("id")).then().statusCode(404);
    }

    @Test
    void aMultipartUploadIsAccepted() {
        LocalDate birth = LocalDate.of(1940, 1, 1);
        String csv = CHINESE_HEADER + "\n" + row("丙", "男", birth, TestData.idNumber(birth, true), p + "-SQ1", "", "") + "\n";
        String id = given().auth().oauth2(admin).multiPart("file", "cadres.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/imports/cadres").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(
                given().auth().oauth2(admin).get("/api/v1/imports/" + id).then().extract().path("status")));
        given().auth().oauth2(admin).get("/api/v1/imports/" + id).then().body("accepted", equalTo(1));
    }
}
