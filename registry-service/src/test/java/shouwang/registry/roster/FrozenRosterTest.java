package shouwang.registry.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestClock;
import shouwang.registry.TestData;

/**
 * A frozen month keeps the list that went to payment, and what was recorded after the freeze shows in the next
 * month's changes. Months of 2031, which no other test freezes or reads (a freeze is the whole district's).
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class FrozenRosterTest {

    private static final String ADMIN = TestTokens.districtAdmin();

    private static JsonPath roster(String month, String community) {
        return given().auth().oauth2(ADMIN).queryParam("month", month).queryParam("communityCode", community)
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> names(JsonPath roster) {
        return roster.<String>getList("items.name").stream().sorted().toList();
    }

    @Test
    void aFrozenMonthKeepsItsListAndLaterChangesAppearInTheNextMonthsDiff() {
        TestClock.at(Instant.parse("2031-06-10T02:00:00Z"), () -> {
            String p = TestData.district();
            String community = p + "-SQ1";
            TestData.register(TestData.cadre(p, "甲八十一", LocalDate.of(1950, 1, 1), true));
            TestData.register(TestData.cadre(p, "乙五月满八十", LocalDate.of(1951, 5, 15), false));
            String diesLate = TestData.register(TestData.cadre(p, "丙九十一", LocalDate.of(1940, 2, 2), true));

            JsonPath frozen = given().auth().oauth2(ADMIN).queryParam("month", "2031-05")
                    .post("/api/v1/reports/high-age-subsidy/freeze").then().statusCode(200)
                    .body("frozenAt", notNullValue()).body("frozenBy", notNullValue()).extract().jsonPath();
            assertEquals("2031-05", frozen.getString("month"));
            given().auth().oauth2(ADMIN).queryParam("month", "2031-05").post("/api/v1/reports/high-age-subsidy/freeze")
                    .then().statusCode(409).contentType("application/problem+json");
            given().auth().oauth2(ADMIN).queryParam("month", "2031-07").post("/api/v1/reports/high-age-subsidy/freeze")
                    .then().statusCode(400).body("violations[0].field", equalTo("month"));

            // recorded after the freeze: a cadre registered late, and a death in April reported late
            TestData.register(TestData.cadre(p, "丁补录", LocalDate.of(1945, 1, 1), true));
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("diedOn", "2031-04-20"))
                    .post("/api/v1/cadres/" + diesLate + "/death").then().statusCode(200);

            JsonPath may = roster("2031-05", community);
            assertEquals(List.of("丙九十一", "乙五月满八十", "甲八十一").stream().sorted().toList(), names(may));
            assertEquals("幸福里社区", may.getString("items[0].communityName"));
            assertEquals("TURNED_80", may.getString("items.find { it.name == '乙五月满八十' }.change"));
            assertEquals(3, may.getInt("total"));

            JsonPath june = roster("2031-06", community);
            assertEquals(List.of("丁补录", "乙五月满八十", "甲八十一").stream().sorted().toList(), names(june));
            assertNull(june.get("frozenAt"));
            assertEquals(Map.of("丁补录", "ADDED", "丙九十一", "DIED"), Map.of(
                    june.getString("changes[0].name"), june.getString("changes[0].change"),
                    june.getString("changes[1].name"), june.getString("changes[1].change")));
            assertEquals(2, june.getList("changes").size());
            assertEquals("2031-04-20", june.getString("changes.find { it.change == 'DIED' }.on"));

            // a scoped caller sees the frozen list of its own communities only
            String otherWorker = TestTokens.user("community-worker").communities(p + "-SQ2").token();
            given().auth().oauth2(otherWorker).queryParam("month", "2031-05").get("/api/v1/reports/high-age-subsidy")
                    .then().statusCode(200).body("total", equalTo(0)).body("changes.size()", equalTo(0));
            given().auth().oauth2(otherWorker).queryParam("month", "2031-06")
                    .post("/api/v1/reports/high-age-subsidy/freeze").then().statusCode(403);
        });
    }

    @Test
    void theRosterSpreadsheetShowsCommunitiesByName() throws Exception {
        String p = TestData.district();
        TestData.register(TestData.cadre(p, "戊八十五", LocalDate.of(1941, 1, 1), true));
        byte[] xlsx = given().auth().oauth2(ADMIN).accept(HighAgeRosterResource.XLSX).queryParam("month", "2026-03")
                .queryParam("communityCode", p + "-SQ1").get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("社区", rows.get(0).getCellText(7));
            assertEquals("幸福里社区", rows.get(1).getCellText(7));
        }
    }
}
