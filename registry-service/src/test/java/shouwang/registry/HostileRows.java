package shouwang.registry;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;

import shouwang.kit.testing.TestTokens;

/**
 * The rows the hostile suites work on, created once per application start through the real REST API as
 * district-admin: an org inside the scoped callers' reach ({@code HX-SQ1}, {@code HX-SQ1-WG1}, {@code HX-DW}) and one
 * outside it ({@code HX-SQ2}, {@code HX-SQ2-WG1}, {@code HX-DW2}); cadres in each, some aged 80+ so that the
 * high-age roster lists them; an import job. Every plain ID card number given is kept, so a suite can scan answers
 * for it.
 */
public final class HostileRows {

    public static final String P = "HX";
    public static final String IN_COMMUNITY = P + "-SQ1";
    public static final String IN_GRID = P + "-SQ1-WG1";
    public static final String IN_UNIT = P + "-DW";
    public static final String OUT_COMMUNITY = P + "-SQ2";
    public static final String OUT_GRID = P + "-SQ2-WG1";
    public static final String OUT_UNIT = P + "-DW2";
    /** A district code no record has: the hostile suites run a one-district deployment. */
    public static final String NO_DISTRICT = P + "-QX0";
    /** The street of the inside community (a street officer of it sees the inside rows only). */
    public static final String IN_STREET = P + "-JD1";

    /** Read, corrected, given contacts. */
    public static String inside;
    /** Moved (a move of its own so that the others stay where they are). */
    public static String insideMoving;
    /** Reported dead by the suites (a death of its own: a deceased cadre refuses other changes). */
    public static String insideDying;
    /** Lives in the inside community but came from the outside unit: a unit liaison of HX-DW must not see it. */
    public static String insideFromOutsideUnit;
    public static String outside;
    public static String outsideDying;
    /** An import job of district-admin. */
    public static String importJob;
    /** Every plain ID card number registered here, by cadre id; and the body each cadre was registered with. */
    public static final Map<String, String> PLAIN_ID_NUMBERS = new ConcurrentHashMap<>();
    public static final Map<String, Map<String, Object>> BODIES = new ConcurrentHashMap<>();

    private HostileRows() {
    }

    public static synchronized void ensure() {
        if (inside != null) {
            return;
        }
        String admin = TestTokens.districtAdmin();
        TestData.org(P);
        post(admin, "/api/v1/org/units", Map.of("code", OUT_UNIT, "name", "区民政局"));
        inside = cadre("王建国", LocalDate.of(1938, 3, 2), true, IN_COMMUNITY, IN_GRID, IN_UNIT);
        insideMoving = cadre("李淑芬", LocalDate.of(1940, 7, 9), false, IN_COMMUNITY, IN_GRID, IN_UNIT);
        insideDying = cadre("张德明", LocalDate.of(1936, 1, 20), true, IN_COMMUNITY, IN_GRID, IN_UNIT);
        insideFromOutsideUnit = cadre("赵玉兰", LocalDate.of(1939, 5, 5), false, IN_COMMUNITY, IN_GRID, OUT_UNIT);
        outside = cadre("陈志强", LocalDate.of(1937, 11, 11), true, OUT_COMMUNITY, OUT_GRID, OUT_UNIT);
        outsideDying = cadre("刘桂英", LocalDate.of(1935, 9, 30), false, OUT_COMMUNITY, OUT_GRID, OUT_UNIT);
        String csv = "name,idNumber,retirementType,rank,unitCode,communityCode\n张三,"
                + TestData.idNumber(LocalDate.of(1950, 1, 1), true) + ",TUIXIU,OTHER," + IN_UNIT + "," + IN_COMMUNITY
                + "\n";
        importJob = given().auth().oauth2(admin).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/cadres").then().statusCode(202).extract().path("id");
    }

    /** Registers a cadre (as district-admin) and keeps its plain number. */
    public static String cadre(String name, LocalDate born, boolean male, String community, String grid,
            String unit) {
        Map<String, Object> body = TestData.cadre(P, name, born, male);
        body.put("communityCode", community);
        body.put("gridCode", grid);
        body.put("unitCode", unit);
        String id = TestData.register(body);
        PLAIN_ID_NUMBERS.put(id, (String) body.get("idNumber"));
        BODIES.put(id, body);
        return id;
    }

    private static void post(String token, String path, Object body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    /** The seeded in-scope row a path's parameter names; moves and deaths act on cadres of their own. */
    static String insideFor(String path) {
        if (path.startsWith("/api/v1/imports/")) {
            return importJob;
        }
        if (path.startsWith("/api/v1/org/units/")) {
            return IN_UNIT;
        }
        if (path.startsWith("/api/v1/org/communities/")) {
            return IN_COMMUNITY;
        }
        if (path.startsWith("/api/v1/org/grids/")) {
            return IN_GRID;
        }
        if (path.startsWith("/api/v1/org/districts/")) {
            // no district is seeded: one would turn this deployment into a city, where the claimless district-admin
            // of these suites sees nothing (the city's rows are CityDeploymentTest's, on an application of its own)
            return NO_DISTRICT;
        }
        if (path.startsWith("/api/v1/org/streets/")) {
            return IN_STREET;
        }
        if (path.endsWith("/moves")) {
            return insideMoving;
        }
        if (path.endsWith("/death")) {
            return insideDying;
        }
        return inside;
    }
}
