package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.clock.Clock;
import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CadreApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private String p;
    private String admin;

    @BeforeEach
    void org() {
        p = TestData.district();
        admin = TestTokens.districtAdmin();
    }

    private String worker(String community) {
        return TestTokens.user("community-worker").communities(community).token();
    }

    @Test
    void aRegisteredCadreIsReadBackWithItsIdNumberMaskedExceptForTheDistrictBureau() {
        Map<String, Object> body = TestData.cadre(p, "王建国", LocalDate.of(1938, 10, 2), true);
        String idNumber = (String) body.get("idNumber");
        String id = TestData.register(body);

        given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then().statusCode(200)
                .body("name", equalTo("王建国")).body("idNumber", equalTo(idNumber))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        given().auth().oauth2(worker(p + "-SQ1")).get("/api/v1/cadres/" + id).then().statusCode(200)
                .body("idNumber", equalTo(masked)).body("idNumberMasked", equalTo(masked));
    }

    @Test
    void theIdNumberIsEncryptedAtRestAndStillFoundByNumber() throws Exception {
        Map<String, Object> body = TestData.cadre(p, "李秀英", LocalDate.of(1945, 3, 8), false);
        String idNumber = (String) body.get("idNumber");
        String id = TestData.register(body);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select * from cadre where id = '" + id + "'")) {
            row.next();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = row.getString(column);
                assertFalse(value != null && value.contains(idNumber.substring(6, 17)),
                        "column " + row.getMetaData().getColumnName(column) + " holds the plain number");
            }
        }
        given().auth().oauth2(admin).queryParam("idNumber", idNumber.toLowerCase()).get("/api/v1/cadres").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(admin).queryParam("q", idNumber).get("/api/v1/cadres").then()
                .statusCode(200).body("items.id", contains(id));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Map<String, Object> body = TestData.cadre(p, "张三", LocalDate.of(1950, 1, 1), true);
        String valid = (String) body.get("idNumber");
        body.put("idNumber", valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0'));
        body.put("unitCode", "NO-UNIT");
        body.put("phone", "12345");
        body.put("contacts", List.of(Map.of("layer", "GRID", "name", "孙强", "phone", "abc")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("idNumber", "unitCode", "phone", "contacts[0].phone"))
                .body("violations.find { it.field == 'idNumber' }.message", equalTo("check digit does not match (GB 11643)"));
    }

    @Test
    void birthDateAndSexMustAgreeWithTheIdNumber() {
        Map<String, Object> body = TestData.cadre(p, "张三", LocalDate.of(1950, 1, 1), true);
        body.put("birthDate", "1950-01-02");
        body.put("gender", "FEMALE");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("birthDate", "gender"));
    }

    @Test
    void birthDateAndSexAreTakenFromTheIdNumberWhenLeftOut() {
        Map<String, Object> body = TestData.cadre(p, "赵六", LocalDate.of(1941, 7, 1), false);
        body.remove("birthDate");
        body.remove("gender");
        String id = TestData.register(body);
        given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then()
                .body("birthDate", equalTo("1941-07-01")).body("gender", equalTo("FEMALE"));
    }

    @Test
    void aGridMustBelongToTheCadresCommunity() {
        Map<String, Object> body = TestData.cadre(p, "张三", LocalDate.of(1950, 1, 1), true);
        body.put("gridCode", p + "-SQ2-WG1");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(400).body("violations[0].field", equalTo("gridCode"))
                .body("violations[0].message", equalTo("grid " + p + "-SQ2-WG1 belongs to community " + p + "-SQ2, not " + p + "-SQ1"));
    }

    @Test
    void repeatingACreateWithTheSameIdReturnsTheSameCadre() {
        Map<String, Object> body = TestData.cadre(p, "周七", LocalDate.of(1950, 5, 5), true);
        String id = UUID.randomUUID().toString();
        body.put("id", id);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(201).body("id", equalTo(id));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(200).body("id", equalTo(id)).body("version", equalTo(1));
        given().auth().oauth2(admin).queryParam("communityCode", p + "-SQ1").get("/api/v1/cadres").then()
                .body("total", equalTo(1));
    }

    @Test
    void aSecondCadreWithTheSameIdNumberIsAConflict() {
        Map<String, Object> body = TestData.cadre(p, "周七", LocalDate.of(1950, 5, 5), true);
        TestData.register(body);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/cadres").then()
                .statusCode(409);
    }

    @Test
    void searchFindsPartOfAChineseNameAndFiltersByRankAgeBandAndPlace() {
        LocalDate today = clock.today();
        Map<String, Object> old = TestData.cadre(p, "欧阳建华", today.minusYears(91), true);
        old.put("rank", "COUNTY_CHIEF");
        TestData.register(old);
        TestData.register(TestData.cadre(p, "王建国", today.minusYears(75), true));
        Map<String, Object> elsewhere = TestData.cadre(p, "李建军", today.minusYears(65), true);
        elsewhere.put("communityCode", p + "-SQ2");
        elsewhere.put("gridCode", p + "-SQ2-WG1");
        TestData.register(elsewhere);

        given().auth().oauth2(admin).queryParam("q", "建").queryParam("unitCode", p + "-DW").get("/api/v1/cadres").then()
                .statusCode(200).body("items.name", containsInAnyOrder("李建军", "欧阳建华", "王建国"))
                .body("total", equalTo(3));
        given().auth().oauth2(admin).queryParam("q", "欧阳").queryParam("unitCode", p + "-DW").get("/api/v1/cadres").then()
                .body("items.name", contains("欧阳建华"));
        given().auth().oauth2(admin).queryParam("ageBand", "90+").queryParam("unitCode", p + "-DW").get("/api/v1/cadres")
                .then().body("items.name", contains("欧阳建华"));
        given().auth().oauth2(admin).queryParam("ageBand", "70-79").queryParam("unitCode", p + "-DW").get("/api/v1/cadres")
                .then().body("items.name", contains("王建国"));
        given().auth().oauth2(admin).queryParam("rank", "COUNTY_CHIEF").queryParam("unitCode", p + "-DW")
                .get("/api/v1/cadres").then().body("items.name", contains("欧阳建华"));
        given().auth().oauth2(admin).queryParam("communityCode", p + "-SQ2").get("/api/v1/cadres").then()
                .body("items.name", contains("李建军"));
        given().auth().oauth2(admin).queryParam("ageBand", "100").get("/api/v1/cadres").then().statusCode(400)
                .body("violations[0].field", equalTo("ageBand"));
        given().auth().oauth2(admin).queryParam("rank", "GENERAL").get("/api/v1/cadres").then().statusCode(400)
                .body("violations[0].field", equalTo("rank"));
    }

    @Test
    void aScopedWorkerSeesOnlyItsCommunity() {
        String inside = TestData.register(TestData.cadre(p, "王建国", LocalDate.of(1940, 1, 1), true));
        Map<String, Object> other = TestData.cadre(p, "李建军", LocalDate.of(1940, 1, 1), true);
        other.put("communityCode", p + "-SQ2");
        other.put("gridCode", p + "-SQ2-WG1");
        String outside = TestData.register(other);
        String worker = worker(p + "-SQ1");

        given().auth().oauth2(worker).get("/api/v1/cadres").then().statusCode(200).body("items.id", contains(inside));
        given().auth().oauth2(worker).get("/api/v1/cadres/" + outside).then().statusCode(404);
        given().auth().oauth2(worker).queryParam("communityCode", p + "-SQ2").get("/api/v1/cadres").then().statusCode(403);
        Map<String, Object> create = TestData.cadre(p, "新人", LocalDate.of(1950, 1, 1), true);
        create.put("communityCode", p + "-SQ2");
        create.put("gridCode", p + "-SQ2-WG1");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(create).post("/api/v1/cadres").then().statusCode(403);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(other).put("/api/v1/cadres/" + outside).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.user("volunteer").communities(p + "-SQ1").token()).get("/api/v1/cadres").then()
                .statusCode(403);
    }

    @Test
    void aUnitLiaisonSeesItsRetireesWhereverTheyLiveAndAGridWorkerOnlyItsGrid() {
        String inGrid = TestData.register(TestData.cadre(p, "网格内", LocalDate.of(1940, 1, 1), true));
        Map<String, Object> noGrid = TestData.cadre(p, "无网格", LocalDate.of(1940, 1, 1), true);
        noGrid.remove("gridCode");
        String withoutGrid = TestData.register(noGrid);
        Map<String, Object> other = TestData.cadre(p, "外社区", LocalDate.of(1940, 1, 1), true);
        other.put("communityCode", p + "-SQ2");
        other.put("gridCode", p + "-SQ2-WG1");
        String elsewhere = TestData.register(other);

        String liaison = TestTokens.user("unit-liaison").units(p + "-DW").token();
        given().auth().oauth2(liaison).get("/api/v1/cadres").then().statusCode(200)
                .body("items.id", containsInAnyOrder(inGrid, withoutGrid, elsewhere));
        given().auth().oauth2(liaison).queryParam("communityCode", p + "-SQ2").get("/api/v1/cadres").then()
                .statusCode(200).body("items.id", contains(elsewhere));
        given().auth().oauth2(liaison).get("/api/v1/cadres/" + elsewhere).then().statusCode(200)
                .body("idNumber", equalTo(given().auth().oauth2(liaison).get("/api/v1/cadres/" + elsewhere)
                        .then().extract().path("idNumberMasked")));

        String gridWorker = TestTokens.user("grid-worker").grids(p + "-SQ1-WG1").token();
        given().auth().oauth2(gridWorker).queryParam("communityCode", p + "-SQ1").get("/api/v1/cadres").then()
                .statusCode(200).body("items.id", contains(inGrid));
        given().auth().oauth2(gridWorker).get("/api/v1/cadres/" + withoutGrid).then().statusCode(404);
        given().auth().oauth2(gridWorker).queryParam("gridCode", p + "-SQ2-WG1").get("/api/v1/cadres").then()
                .statusCode(403);
        given().auth().oauth2(gridWorker).contentType(ContentType.JSON).body(TestData.cadre(p, "x", LocalDate.of(1950, 1, 1), true))
                .post("/api/v1/cadres").then().statusCode(403);
    }

    @Test
    void aTokenWithoutScopeSeesNoCadreAndMayNotFilter() {
        String id = TestData.register(TestData.cadre(p, "王建国", LocalDate.of(1940, 1, 1), true));
        String unscoped = TestTokens.user("community-worker").token();

        given().auth().oauth2(unscoped).get("/api/v1/cadres").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        given().auth().oauth2(unscoped).queryParam("communityCode", p + "-SQ1").get("/api/v1/cadres").then()
                .statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/cadres/" + id).then().statusCode(404);
    }

    @Test
    void anUpdateIsAppliedAndVersioned() {
        Map<String, Object> body = TestData.cadre(p, "王建国", LocalDate.of(1940, 1, 1), true);
        String id = TestData.register(body);
        body.put("phone", "13911112222");
        body.put("selfCare", "PARTIAL");
        given().auth().oauth2(worker(p + "-SQ1")).contentType(ContentType.JSON).body(body).put("/api/v1/cadres/" + id)
                .then().statusCode(200).body("phone", equalTo("13911112222")).body("version", equalTo(2))
                .body("keyServiceTarget", equalTo(true));
        given().auth().oauth2(worker(p + "-SQ1")).contentType(ContentType.JSON).body(body).put("/api/v1/cadres/" + id)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void keyTargetsMissingAResponsibleContactAreListedUntilAllThreeLayersAreAssigned() {
        Map<String, Object> alone = TestData.cadre(p, "孤老", LocalDate.of(1950, 1, 1), true);
        alone.put("livingArrangement", "ALONE");
        String target = TestData.register(alone);
        TestData.register(TestData.cadre(p, "健康", LocalDate.of(1950, 1, 1), true));
        String worker = worker(p + "-SQ1");

        given().auth().oauth2(worker).queryParam("missingContacts", "true").get("/api/v1/cadres").then()
                .body("items.id", contains(target))
                .body("items[0].missingContactLayers", contains("UNIT", "COMMUNITY", "GRID"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001"),
                        Map.of("layer", "COMMUNITY", "name", "赵敏", "phone", "13900000002")))
                .put("/api/v1/cadres/" + target + "/contacts").then().statusCode(200)
                .body("contacts.orgCode", contains(p + "-DW", p + "-SQ1"))
                .body("missingContactLayers", contains("GRID"));
        given().auth().oauth2(worker).queryParam("missingContacts", "true").get("/api/v1/cadres").then()
                .body("items.id", contains(target));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001"),
                        Map.of("layer", "COMMUNITY", "name", "赵敏", "phone", "13900000002"),
                        Map.of("layer", "GRID", "name", "孙强", "phone", "13900000003")))
                .put("/api/v1/cadres/" + target + "/contacts").then().statusCode(200)
                .body("missingContactLayers", empty());
        given().auth().oauth2(worker).queryParam("missingContacts", "true").get("/api/v1/cadres").then()
                .body("items.id", not(hasItem(target))).body("total", equalTo(0));
    }

    @Test
    void badContactsAreNamedByTheirPosition() {
        String id = TestData.register(TestData.cadre(p, "王建国", LocalDate.of(1940, 1, 1), true));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001"),
                        Map.of("layer", "GRID", "name", "", "phone", "1", "orgCode", "NOPE")))
                .put("/api/v1/cadres/" + id + "/contacts").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("contacts[1].name", "contacts[1].phone", "contacts[1].orgCode"));
    }

    @Test
    void aDeviceFetchesOnlyWhatChangedSinceItsLastSync() throws InterruptedException {
        String before = TestData.register(TestData.cadre(p, "旧记录", LocalDate.of(1940, 1, 1), true));
        Thread.sleep(20);
        String since = java.time.Instant.now().toString();
        Thread.sleep(20);
        String after = TestData.register(TestData.cadre(p, "新记录", LocalDate.of(1941, 1, 1), true));
        given().auth().oauth2(worker(p + "-SQ1")).queryParam("updatedSince", since).get("/api/v1/cadres").then()
                .statusCode(200).body("items.id", contains(after)).body("items.id", not(hasItem(before)));
    }

    @Test
    void malformedParametersAreA400NotA404() {
        given().auth().oauth2(admin).get("/api/v1/cadres/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/cadres/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin).queryParam("updatedSince", "yesterday").get("/api/v1/cadres").then().statusCode(400)
                .body("violations[0].field", equalTo("updatedSince"));
        assertEquals(400, given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"gender\":\"X\"}")
                .post("/api/v1/cadres").statusCode());
        Map<String, Object> nulls = new java.util.HashMap<>(TestData.cadre(p, "空值", LocalDate.of(1950, 1, 1), true));
        nulls.put("specialCategories", java.util.Collections.singletonList(null));
        nulls.put("familyContacts", java.util.Collections.singletonList(null));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(nulls).post("/api/v1/cadres").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("specialCategories", "familyContacts[0]"));
    }
}
