package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/**
 * Rotating the ID-number key (issue 14): a database holding rows written under version 1 (as every install before
 * key versions has them), an application configured with version 1 and the new version 2 as current, the rotation
 * started through the endpoint and awaited; then every number is under v2 and still reads, finds and matches.
 */
@QuarkusTest
@TestProfile(IdNumberKeyRotationTest.TwoKeys.class)
class IdNumberKeyRotationTest {

    private static final byte[] V1 = randomKey();
    private static final byte[] V2 = randomKey();
    private static final String ADMIN = TestTokens.districtAdmin();
    private static final String ROTATION = "/api/v1/admin/id-number-key/rotation";
    static final String HEADER = "姓名,性别,出生日期,身份证号,离退休类型,职级,是否党员,原单位编码,社区编码,网格编码,居住情况,自理能力,特殊群体,联系电话";

    /** Version 1 as the single key (how installs have it), version 2 added and current, small batches. */
    public static class TwoKeys extends RegistryTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("shouwang.registry.id-number-key", Base64.getEncoder().encodeToString(V1));
            config.put("shouwang.registry.id-number-keys", "2:" + Base64.getEncoder().encodeToString(V2));
            config.put("shouwang.registry.id-number-key-version", "2");
            config.put("shouwang.registry.id-number-key-rotation-batch", "3");
            return config;
        }
    }

    @Inject
    DataSource dataSource;

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void everyNumberEndsUnderTheCurrentVersionAndStillReadsFindsAndMatches() throws SQLException {
        String p = TestData.district();
        Map<String, String> numbers = new LinkedHashMap<>(); // cadre id → plain number
        LocalDate birth = LocalDate.of(1930, 3, 3);
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = TestData.cadre(p, "轮换" + i, birth, true);
            numbers.put(TestData.register(body), (String) body.get("idNumber"));
        }
        // a frozen roster month keeps the numbers encrypted too (a copy of the cadre's cipher)
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        given().auth().oauth2(ADMIN).queryParam("month", month).post("/api/v1/reports/high-age-subsidy/freeze").then()
                .statusCode(200);
        assertEquals(8, count("select count(*) from roster_frozen_entry"));

        // the rows as an install before the rotation has them: version 1, no prefix (all but the last cadre, which
        // stands for a row written under the new version while the job runs)
        List<String> ids = List.copyOf(numbers.keySet());
        rewriteUnderVersionOne(ids.subList(0, 7));
        JsonPath before = given().auth().oauth2(ADMIN).get(ROTATION).then().statusCode(200).extract().jsonPath();
        assertEquals(2, before.getInt("currentVersion"));
        assertEquals(14, before.getLong("remaining.'1'"));
        assertFalse(before.getBoolean("done"));

        // before the job: a version-1 row still reads, is found, keeps its number unique and matches an import
        String first = ids.get(0);
        given().auth().oauth2(ADMIN).get("/api/v1/cadres/" + first).then().statusCode(200)
                .body("idNumber", equalTo(numbers.get(first)));
        given().auth().oauth2(ADMIN).queryParam("idNumber", numbers.get(first)).get("/api/v1/cadres").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(first));
        Map<String, Object> duplicate = TestData.cadre(p, "重复", birth, true);
        duplicate.put("idNumber", numbers.get(first));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(duplicate).post("/api/v1/cadres").then()
                .statusCode(409);
        importMatches(p, ids.get(1), numbers.get(ids.get(1)), "轮换导入前");

        given().auth().oauth2(ADMIN).post(ROTATION).then().statusCode(202).body("currentVersion", equalTo(2));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth()
                .oauth2(ADMIN).get(ROTATION).then().statusCode(200).extract().jsonPath().getBoolean("done"));
        JsonPath after = given().auth().oauth2(ADMIN).get(ROTATION).then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of(), after.getMap("remaining"));
        assertFalse(after.getBoolean("running"));

        Map<String, String> stored = stored();
        assertEquals(24, stored.size()); // 8 cadres (cipher and index) and their 8 frozen entries
        stored.forEach((row, value) -> assertTrue(value.startsWith("v2:"), row + " is not under version 2"));
        for (Map.Entry<String, String> cadre : numbers.entrySet()) {
            given().auth().oauth2(ADMIN).get("/api/v1/cadres/" + cadre.getKey()).then().statusCode(200)
                    .body("idNumber", equalTo(cadre.getValue()));
            given().auth().oauth2(ADMIN).queryParam("idNumber", cadre.getValue()).get("/api/v1/cadres").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(cadre.getKey()));
        }
        JsonPath roster = given().auth().oauth2(ADMIN).queryParam("month", month).queryParam("communityCode", p + "-SQ1")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200).extract().jsonPath();
        assertEquals(8, roster.getInt("total"));
        assertEquals(numbers.values().stream().sorted().toList(),
                roster.<String>getList("items.idNumber").stream().sorted().toList());
        importMatches(p, ids.get(2), numbers.get(ids.get(2)), "轮换导入后");
        // a non-admin still sees the mask only
        given().auth().oauth2(TestTokens.user(Roles.COMMUNITY_WORKER).communities(p + "-SQ1").token())
                .get("/api/v1/cadres/" + first).then().statusCode(200)
                .body("idNumber", equalTo(numbers.get(first).substring(0, 6) + "********" + numbers.get(first).substring(14)));

        // a second call finds nothing left: no run, nothing rewritten
        given().auth().oauth2(ADMIN).post(ROTATION).then().statusCode(200).body("done", equalTo(true))
                .body("running", equalTo(false));
        assertEquals(stored, stored());
    }

    /** An import of 身份证号 {@code number} updates cadre {@code id} (renamed), registering no one new. */
    private void importMatches(String p, String id, String number, String newName) {
        int total = given().auth().oauth2(ADMIN).get("/api/v1/cadres").then().extract().path("total");
        String csv = HEADER + "\n" + String.join(",", newName, "男", "1930-03-03", number, "离休", "正县级", "是", p + "-DW",
                p + "-SQ1", "", "独居", "部分自理", "", "13800000001") + "\n";
        JsonPath status = TestData.importAndWait(ADMIN, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(1, status.getInt("accepted"), status.prettify());
        given().auth().oauth2(ADMIN).get("/api/v1/cadres/" + id).then().statusCode(200).body("name", equalTo(newName))
                .body("idNumber", equalTo(number));
        given().auth().oauth2(ADMIN).get("/api/v1/cadres").then().body("total", equalTo(total));
    }

    /** Re-encrypts these cadres and their frozen entries under version 1 alone, as the service did before versions. */
    private void rewriteUnderVersionOne(List<String> cadreIds) throws SQLException {
        IdNumberProtector both = new IdNumberProtector(Map.of(1, V1, 2, V2), 2);
        IdNumberProtector old = new IdNumberProtector(Map.of(1, V1), 1);
        try (Connection connection = dataSource.getConnection()) {
            for (String id : cadreIds) {
                String plain;
                try (PreparedStatement select = connection
                        .prepareStatement("select id_number_cipher from cadre where id = ?::uuid")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next());
                        assertTrue(row.getString(1).startsWith("v2:"), "new writes are under the current version");
                        plain = both.decrypt(row.getString(1));
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update cadre set id_number_cipher = ?, id_number_index = ? where id = ?::uuid")) {
                    update.setString(1, old.encrypt(plain));
                    update.setString(2, old.blindIndex(plain));
                    update.setString(3, id);
                    assertEquals(1, update.executeUpdate());
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update roster_frozen_entry set id_number_cipher = ? where cadre_id = ?::uuid")) {
                    update.setString(1, old.encrypt(plain));
                    update.setString(2, id);
                    assertEquals(1, update.executeUpdate());
                }
            }
        }
    }

    /** Every stored cipher and blind index, by table and row. */
    private Map<String, String> stored() throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select 'cadre ' || id || ' cipher', id_number_cipher from cadre union all "
                                + "select 'cadre ' || id || ' index', id_number_index from cadre union all "
                                + "select 'roster ' || month || ' ' || cadre_id, id_number_cipher from roster_frozen_entry")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
