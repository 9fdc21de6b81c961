package shouwang.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.AccessMatrixContract;
import shouwang.kit.testing.ApiDescription;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.ApiDescription.Operation;

@QuarkusTest
@TestProfile(HostileProfile.class)
class AccessMatrixTest extends AccessMatrixContract {

    private static final Placement INSIDE = new Placement(HostileRows.IN_COMMUNITY, HostileRows.IN_GRID,
            HostileRows.IN_UNIT);
    private static final Placement OUTSIDE = new Placement(HostileRows.OUT_COMMUNITY, HostileRows.OUT_GRID,
            HostileRows.OUT_UNIT);

    AccessMatrixTest() {
        super(INSIDE, OUTSIDE);
    }

    @Override
    protected void seed() {
        HostileRows.ensure();
    }

    /**
     * The kit's contract tries the contract's first roles; street officers (issue 11) are held to the same table here:
     * refused (403) wherever the table does not list them, let in where it does, and within their scope (the
     * communities of their streets: the inside community) on single reads, filters and lists.
     */
    @Test
    void aStreetOfficerIsLetInOnlyWhereTheTableListsItAndOnlyIntoItsStreetsCommunities() throws Exception {
        HostileRows.ensure();
        String officer = TestTokens.user(Roles.STREET_OFFICER).streets(HostileRows.IN_STREET).token();
        Map<String, Set<String>> table = new HashMap<>();
        try (var lines = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("access-matrix.tsv"), StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\t+"))
                    .forEach(columns -> table.put(columns[0], Set.of(columns[1].split(","))));
        }
        List<String> wrong = new ArrayList<>();
        for (Operation operation : ApiDescription.of("http://localhost:" + RestAssured.port).operations()) {
            Map<String, String> values = new HashMap<>();
            operation.pathParameters().forEach(name -> values.put(name, HostileRows.insideFor(operation.path())));
            var request = given().auth().oauth2(officer);
            if (operation.takesJson()) {
                request = request.contentType(ContentType.JSON).body("{}");
            } else if (!operation.bodyTypes().isEmpty()) {
                request = request.contentType(operation.bodyTypes().iterator().next()).body(new byte[0]);
            }
            int status = request.request(operation.method(), operation.pathWith(values)).statusCode();
            boolean allowed = table.getOrDefault(operation.key(), Set.of()).contains(Roles.STREET_OFFICER);
            if (!allowed && status != 403 || allowed && (status == 401 || status == 403) || status >= 500) {
                wrong.add(operation.key() + " as street-officer: " + status + (allowed ? " (allowed)" : ""));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        given().auth().oauth2(officer).get("/api/v1/cadres/" + HostileRows.inside).then().statusCode(200);
        given().auth().oauth2(officer).get("/api/v1/cadres/" + HostileRows.outside).then().statusCode(404);
        given().auth().oauth2(officer).queryParam("communityCode", HostileRows.OUT_COMMUNITY).get("/api/v1/cadres")
                .then().statusCode(403);
        given().auth().oauth2(officer).queryParam("size", 500).get("/api/v1/cadres").then().statusCode(200)
                .body("items.communityCode", everyItem(equalTo(HostileRows.IN_COMMUNITY)))
                .body("items.id", hasItem(HostileRows.inside));
        given().auth().oauth2(officer).queryParam("month", "2026-03").get("/api/v1/reports/high-age-subsidy").then()
                .statusCode(200).body("items.communityCode", everyItem(equalTo(HostileRows.IN_COMMUNITY)));
        given().auth().oauth2(officer).get("/api/v1/statistics/cadres").then().statusCode(200)
                .body("byCommunity.keySet()", everyItem(equalTo(HostileRows.IN_COMMUNITY)));
    }

    /**
     * The org directory is the district's shared reference data, not scoped rows: every staff role reads it whole
     * (docs/registry-service.md, Roles; a move may name any community's grid) and its views hold no personal data.
     * Its grids carry a {@code communityCode}, which the scope test would take for a cadre's placement.
     */
    @Override
    protected boolean leaveOutOfScopeLists(Operation operation) {
        return operation.path().startsWith("/api/v1/org/");
    }

    /**
     * The city column: the inside street (HX-JD1, holding the inside community) moved into one district, the outside
     * one (HX-JD2) into another, over the API as the city admin. The districts go again afterwards (straight in the
     * database: there is no deleting a district over the API), since the suite's other tests call as a district-admin
     * naming no district, who sees nothing in a city.
     */
    @Override
    protected Districts districts() {
        return new Districts(HostileRows.P + "-QXM1", HostileRows.P + "-QXM2", () -> {
            place(HostileRows.IN_STREET, HostileRows.P + "-QXM1");
            place(HostileRows.P + "-JD2", HostileRows.P + "-QXM2");
        }, () -> QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("update org_street set district_code = null").executeUpdate();
            em.createNativeQuery("delete from org_district").executeUpdate();
        }));
    }

    /** An import job is its creator's (docs/registry-service.md), not a district's: no other district's job to try. */
    @Override
    protected String otherDistrictValue(Operation operation, String parameter) {
        return operation.path().startsWith("/api/v1/imports/") ? null : outsideValue(operation, parameter);
    }

    private static void place(String street, String district) {
        String city = TestTokens.user(Roles.CITY_ADMIN).token();
        given().auth().oauth2(city).contentType(ContentType.JSON).body(Map.of("code", district, "name", district + "区"))
                .post("/api/v1/org/districts").then().statusCode(201);
        var current = given().auth().oauth2(city).get("/api/v1/org/streets/" + street).then().statusCode(200)
                .extract().jsonPath();
        given().auth().oauth2(city).contentType(ContentType.JSON).body(Map.of("name", current.getString("name"),
                "districtCode", district, "version", current.getInt("version")))
                .put("/api/v1/org/streets/" + street).then().statusCode(200);
    }

    @Override
    protected String insideValue(Operation operation, String parameter) {
        return HostileRows.insideFor(operation.path());
    }

    /**
     * Outside rows: a cadre of the outside org (its own one for deaths), and district-admin's import job, which no
     * other caller may read. Org records are the district's shared reference data, readable by every staff role, so
     * they have no outside row.
     */
    @Override
    protected String outsideValue(Operation operation, String parameter) {
        String path = operation.path();
        if (path.startsWith("/api/v1/org/")) {
            return null;
        }
        if (path.startsWith("/api/v1/imports/")) {
            return HostileRows.importJob;
        }
        if (path.endsWith("/death")) {
            return HostileRows.outsideDying;
        }
        return HostileRows.outside;
    }
}
