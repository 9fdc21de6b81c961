package shouwang.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/** Registry data for end-to-end scenarios, created over the public REST API only. */
final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1000));
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

    private Fixtures() {
    }

    /**
     * The administrator of the scenarios: the city's. The platform is shared by every scenario and one of them
     * ({@link CityIT}) makes it a city of districts, after which a district-admin token naming no district sees
     * nothing (docs/security.md); the city admin holds every district-admin right in every district.
     */
    static String admin() {
        return TestTokens.user(shouwang.kit.security.Roles.CITY_ADMIN).token();
    }

    /** A unit, a community and a grid with fresh codes; returns {unitCode, communityCode, gridCode}. */
    static String[] orgs(Platform platform) {
        int n = SEQUENCE.incrementAndGet();
        String unit = "E2EDW" + n;
        String community = "E2ESQ" + n;
        String grid = community + "-WG01";
        post(platform, "/org/units", Map.of("code", unit, "name", "端到端测试单位" + n));
        post(platform, "/org/communities", Map.of("code", community, "name", "端到端测试社区" + n, "streetName", "东城街道"));
        post(platform, "/org/grids", Map.of("code", grid, "name", "第一网格", "communityCode", community));
        return new String[] { unit, community, grid };
    }

    /** A street office (街道) org record. */
    static void street(Platform platform, String code, String name) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name))
                .post(platform.api(Service.REGISTRY) + "/org/streets")
                .then().statusCode(201);
    }

    /**
     * Reads an org record, changes some fields and writes it back with the version it read, as a client does
     * ({@code kind}: units, communities, grids, streets).
     */
    static void editOrg(Platform platform, String kind, String code, Map<String, Object> changes) {
        String admin = Fixtures.admin();
        String path = platform.api(Service.REGISTRY) + "/org/" + kind + "/" + code;
        Map<String, Object> record = given().auth().oauth2(admin).get(path)
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> body = new java.util.HashMap<>();
        for (String field : java.util.List.of("name", "version", "active", "people", "streetCode", "communityCode")) {
            if (record.containsKey(field)) {
                body.put(field, record.get(field));
            }
        }
        body.putAll(changes);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(200);
    }

    /** Registers a cadre living alone (a key service target) and returns its id. */
    static String cadre(Platform platform, String[] orgs, String name) {
        LocalDate birth = LocalDate.of(1940, 3, 1).plusDays(SEQUENCE.incrementAndGet());
        Map<String, Object> body = Map.ofEntries(
                Map.entry("name", name),
                Map.entry("gender", "MALE"),
                Map.entry("birthDate", birth.toString()),
                Map.entry("idNumber", idNumber(birth, true)),
                Map.entry("retirementType", "TUIXIU"),
                Map.entry("rank", "SECTION_CHIEF"),
                Map.entry("partyMember", true),
                Map.entry("unitCode", orgs[0]),
                Map.entry("communityCode", orgs[1]),
                Map.entry("gridCode", orgs[2]),
                Map.entry("livingArrangement", "ALONE"),
                Map.entry("selfCare", "FULL"),
                Map.entry("specialCategories", java.util.List.of()),
                Map.entry("phone", "13800138000"));
        return given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .post(platform.api(Service.REGISTRY) + "/cadres")
                .then().statusCode(201).extract().path("id");
    }

    /** A GB 11643 ID number for the birth date: area 110101, sequence with the sex digit, checksum. */
    static String idNumber(LocalDate birth, boolean male) {
        int sequence = (SEQUENCE.incrementAndGet() % 499) * 2 + (male ? 1 : 0);
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    /**
     * Reports a signal as the grid worker of the cadre's grid and returns the alert id. alert-service answers 422
     * while the cadre's profile has not reached it yet (docs/alert-service.md), so this retries, as a client would.
     */
    static String signal(Platform platform, String signalId, String cadreId, String gridCode, String kind,
            String details) {
        String token = TestTokens.user("grid-worker").grids(gridCode).token();
        Map<String, Object> body = Map.of("signalId", signalId, "cadreId", cadreId, "kind", kind,
                "occurredAt", java.time.OffsetDateTime.now().toString(), "details", details);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post(platform.api(Service.ALERT) + "/signals").statusCode() != 422);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(platform.api(Service.ALERT) + "/signals")
                .then().statusCode(202).extract().path("alertId");
    }

    /** Sets the escalation policy's deadline and interval of one signal kind (for alerts raised from now on). */
    static void shortenDeadline(Platform platform, String kind, String duration) {
        String admin = Fixtures.admin();
        Map<String, Object> policy = given().auth().oauth2(admin)
                .get(platform.api(Service.ALERT) + "/escalation-policy")
                .then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = new java.util.HashMap<>((Map<String, Object>) policy.get("kinds"));
        kinds.put(kind, Map.of("deadline", duration, "escalateEvery", duration));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kinds", kinds))
                .put(platform.api(Service.ALERT) + "/escalation-policy").then().statusCode(200);
    }

    private static void post(Platform platform, String path, Map<String, Object> body) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .post(platform.api(Service.REGISTRY) + path)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201),
                        org.hamcrest.Matchers.is(200)));
    }
}
