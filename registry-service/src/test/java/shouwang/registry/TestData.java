package shouwang.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.cadre.IdNumbers;

/** Valid ID card numbers and org codes for tests; every test class uses its own codes (one database per run). */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private TestData() {
    }

    /** A GB 11643-valid number for that birth date and sex. */
    public static String idNumber(LocalDate birthDate, boolean male) {
        int seq = SEQUENCE.getAndIncrement() % 500;
        int sequence = seq * 2 + (male ? 1 : 0);
        return idNumber("110101", birthDate, sequence);
    }

    public static String idNumber(String area, LocalDate birthDate, int sequence) {
        String first17 = area + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A unique prefix for this test class's org codes. */
    public static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A fresh prefix with its org codes created (see {@link #org}). */
    public static String district() {
        String p = prefix();
        org(p);
        return p;
    }

    /**
     * Creates unit {@code p-DW}, streets {@code p-JD1} (东城街道) and {@code p-JD2} (西城街道), their communities
     * {@code p-SQ1} and {@code p-SQ2}, and grids {@code p-SQ1-WG1}, {@code p-SQ2-WG1}.
     */
    public static void org(String p) {
        String admin = TestTokens.districtAdmin();
        post(admin, "/api/v1/org/units", Map.of("code", p + "-DW", "name", "区财政局"));
        post(admin, "/api/v1/org/streets", Map.of("code", p + "-JD1", "name", "东城街道"));
        post(admin, "/api/v1/org/streets", Map.of("code", p + "-JD2", "name", "西城街道"));
        post(admin, "/api/v1/org/communities", Map.of("code", p + "-SQ1", "name", "幸福里社区", "streetCode", p + "-JD1"));
        post(admin, "/api/v1/org/communities", Map.of("code", p + "-SQ2", "name", "和平社区", "streetCode", p + "-JD2"));
        post(admin, "/api/v1/org/grids", Map.of("code", p + "-SQ1-WG1", "name", "一网格", "communityCode", p + "-SQ1"));
        post(admin, "/api/v1/org/grids", Map.of("code", p + "-SQ2-WG1", "name", "一网格", "communityCode", p + "-SQ2"));
    }

    private static void post(String token, String path, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    /** A valid cadre body in {@code p-SQ1}/{@code p-SQ1-WG1}, unit {@code p-DW}. */
    public static Map<String, Object> cadre(String p, String name, LocalDate birthDate, boolean male) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("gender", male ? "MALE" : "FEMALE");
        body.put("birthDate", birthDate.toString());
        body.put("idNumber", idNumber(birthDate, male));
        body.put("retirementType", "TUIXIU");
        body.put("rank", "SECTION_CHIEF");
        body.put("partyMember", true);
        body.put("unitCode", p + "-DW");
        body.put("communityCode", p + "-SQ1");
        body.put("gridCode", p + "-SQ1-WG1");
        body.put("livingArrangement", "WITH_FAMILY");
        body.put("selfCare", "FULL");
        body.put("phone", "13800000000");
        return body;
    }

    /** Uploads a file to the import, waits until it is no longer RUNNING and returns its status. */
    public static JsonPath importAndWait(String token, String contentType, byte[] body) {
        return importAndWait(token, "cadres", contentType, body);
    }

    /** Like {@link #importAndWait(String, String, byte[])} for {@code /imports/{what}} (cadres, orgs, contacts). */
    public static JsonPath importAndWait(String token, String what, String contentType, byte[] body) {
        String id = given().auth().oauth2(token).contentType(contentType).body(body).post("/api/v1/imports/" + what)
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> !"RUNNING".equals(
                given().auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(token).get("/api/v1/imports/" + id).then().extract().jsonPath();
    }

    /** Registers a cadre as district-admin and returns its id. */
    public static String register(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cadres").then().statusCode(201).extract().path("id");
    }
}
