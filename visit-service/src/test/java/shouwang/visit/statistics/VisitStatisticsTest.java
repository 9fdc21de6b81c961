package shouwang.visit.statistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.visit.OrgRecords;
import shouwang.visit.Profiles;

/** 走访统计 by layer, channel and purpose per community and grid, as JSON and as XLSX read back. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class VisitStatisticsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static void visit(UUID cadre, String layer, String channel, String purpose, boolean contacted) {
        Map<String, Object> body = new HashMap<>(Map.of("cadreId", cadre, "visitedAt",
                Instant.now().minusSeconds(120).toString(), "channel", channel, "layer", layer, "purpose", purpose,
                "contacted", contacted));
        if (!contacted) {
            body.put("notContactedReason", "NOT_HOME");
        }
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/visits").then().statusCode(201);
    }

    static List<List<String>> sheet(byte[] xlsx) throws Exception {
        try (InputStream in = new java.io.ByteArrayInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in)) {
            assertThat(book.getFirstSheet().getName()).isEqualTo("走访统计");
            try (var rows = book.getFirstSheet().openStream()) {
                return rows.map(VisitStatisticsTest::cells).collect(Collectors.toList());
            }
        }
    }

    static List<String> cells(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getCellText(i));
        }
        return cells;
    }

    @Test
    void visitsAreCountedByLayerChannelAndPurposePerCommunityAndGridInJsonAndXlsx() throws Exception {
        String a = "ST" + UUID.randomUUID().toString().substring(0, 6);
        String b = "ST" + UUID.randomUUID().toString().substring(0, 6);
        OrgRecords.applied(OrgRecords.record("COMMUNITY", a, "东风社区", "JD301", 1, List.of()));
        OrgRecords.applied(OrgRecords.record("GRID", a + "-WG01", "东风一网格", a, 1, List.of()));
        UUID first = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, a, a + "-WG01", "DW001"));
        UUID second = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, a, a + "-WG02", "DW001"));
        UUID third = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, b, b + "-WG01", "DW002"));
        visit(first, "COMMUNITY", "IN_PERSON", "ROUTINE", true);
        visit(first, "GRID", "PHONE", "FESTIVAL", true);
        visit(second, "COMMUNITY", "PHONE", "ROUTINE", true);
        visit(second, "COMMUNITY", "PHONE", "ROUTINE", false); // an attempt is no 走访人次
        visit(third, "UNIT", "VIDEO", "CONDOLENCE", true);

        String worker = TestTokens.user("community-worker").communities(a, b).token();
        JsonPath json = given().auth().oauth2(worker).queryParam("from", TODAY.minusDays(1).toString())
                .queryParam("to", TODAY.toString()).get("/api/v1/statistics/visits")
                .then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("totals.visits")).isEqualTo(4);
        assertThat(json.getLong("totals.byLayer.COMMUNITY")).isEqualTo(2);
        assertThat(json.getLong("totals.byLayer.STREET")).isZero();
        assertThat(json.getLong("totals.byChannel.PHONE")).isEqualTo(2);
        assertThat(json.getLong("totals.byPurpose.CONDOLENCE")).isEqualTo(1);
        Map<String, Object> east = json.getMap("byCommunity.find { it.communityCode == '" + a + "' }");
        assertThat(east).containsEntry("communityName", "东风社区");
        JsonPath eastJson = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(east));
        assertThat(eastJson.getLong("counts.visits")).isEqualTo(3);
        assertThat(eastJson.getList("byGrid.gridCode")).containsExactly(a + "-WG01", a + "-WG02");
        assertThat(eastJson.getString("byGrid[0].gridName")).isEqualTo("东风一网格");
        assertThat(eastJson.getLong("byGrid[0].counts.byPurpose.FESTIVAL")).isEqualTo(1);
        assertThat(eastJson.getLong("byGrid[1].counts.byChannel.PHONE")).isEqualTo(1);

        // one community only, and a scoped caller sees only its part
        given().auth().oauth2(worker).queryParam("communityCode", b).get("/api/v1/statistics/visits")
                .then().statusCode(200).body("totals.visits", equalTo(1)).body("byCommunity.size()", equalTo(1));
        given().auth().oauth2(TestTokens.user("community-worker").communities(b).token())
                .get("/api/v1/statistics/visits").then().statusCode(200).body("totals.visits", equalTo(1));
        given().auth().oauth2(TestTokens.user("community-worker").communities(b).token())
                .queryParam("communityCode", a).get("/api/v1/statistics/visits").then().statusCode(403);
        given().auth().oauth2(worker).queryParam("from", TODAY.toString()).queryParam("to", TODAY.minusDays(1).toString())
                .get("/api/v1/statistics/visits").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("to"));

        byte[] xlsx = given().auth().oauth2(worker).accept(XLSX).get("/api/v1/statistics/visits")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        List<List<String>> rows = sheet(xlsx);
        List<String> header = rows.get(0);
        assertThat(header.subList(0, 5)).containsExactly("社区编码", "社区名称", "网格编码", "网格名称", "走访人次");
        assertThat(header).contains("层级:社区", "方式:电话", "目的:节日慰问");
        List<String> eastTotal = rows.stream().filter(r -> r.get(0).equals(a) && r.get(2).equals("小计")).findFirst()
                .orElseThrow();
        assertThat(eastTotal.get(1)).isEqualTo("东风社区");
        assertThat(eastTotal.get(4)).isEqualTo("3");
        assertThat(eastTotal.get(header.indexOf("层级:社区"))).isEqualTo("2");
        assertThat(eastTotal.get(header.indexOf("方式:电话"))).isEqualTo("2");
        List<String> grid = rows.stream().filter(r -> r.size() > 2 && r.get(2).equals(a + "-WG01")).findFirst()
                .orElseThrow();
        assertThat(grid.get(3)).isEqualTo("东风一网格");
        assertThat(grid.get(header.indexOf("目的:节日慰问"))).isEqualTo("1");
        List<String> total = rows.stream().filter(r -> r.get(0).equals("合计")).findFirst().orElseThrow();
        assertThat(total.get(4)).isEqualTo("4");
    }

    @Test
    void coverageExportsToXlsxWithChineseHeaders() throws Exception {
        String code = "SX" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> alone = Profiles.profile(UUID.randomUUID(), 1, code, code + "-WG01", "DW001");
        alone.put("livingArrangement", "ALONE");
        Profiles.registered(alone);
        byte[] xlsx = given().auth().oauth2(TestTokens.districtAdmin()).accept(XLSX).queryParam("communityCode", code)
                .queryParam("on", TODAY.plusDays(40).toString()).get("/api/v1/coverage")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
                var stream = book.getFirstSheet().openStream()) {
            assertThat(book.getFirstSheet().getName()).isEqualTo("未按时走访名单");
            List<List<String>> rows = stream.map(VisitStatisticsTest::cells).toList();
            assertThat(rows.get(0)).startsWith("序号", "姓名", "社区编码");
            // a key target living alone: GRID (P7D) and COMMUNITY (P1M) are overdue 40 days on
            List<String> layers = rows.stream().skip(1).filter(r -> r.size() > 6 && code.equals(r.get(2)))
                    .map(r -> r.get(6)).toList();
            assertThat(layers).containsExactlyInAnyOrder("网格", "社区");
        }
        // JSON stays the default
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("communityCode", code)
                .get("/api/v1/coverage").then().statusCode(200).contentType(ContentType.JSON);
    }
}
