package shouwang.kit.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.Wire.Answer;

/**
 * The authorisation matrix of one service, table-driven and generated from its OpenAPI document so that a new
 * endpoint cannot escape it:
 * <ul>
 * <li>{@code access-matrix.tsv} on the test classpath says, per operation, which roles may call it (the table an
 * auditor reads); the document must list exactly those operations with exactly those roles;</li>
 * <li>every role the table does not list gets 403 from every operation, even with in-scope claims;</li>
 * <li>every forged token ({@link ForgedTokens}) gets 401, as problem+json, from every operation;</li>
 * <li>a scoped caller (community worker, grid worker, unit liaison) reading or changing a row outside its scope gets
 * 403 or 404, never the row; a list filtered on an org code or a cadre outside its scope is a 403; an unfiltered list
 * holds only rows of its scope.</li>
 * <li>in a city deployment (issue 16), a {@code district-admin} whose {@code district_codes} name the inside
 * placement's district reaches that district's rows and never another district's: the same single-row, list and filter
 * cells, plus {@code districtCode} naming the other district (403), and a district-admin naming no district sees
 * no row at all once districts exist (fail closed) ({@link #districts()}).</li>
 * </ul>
 * The service's test seeds one placement inside the callers' scope and one outside (given to the constructor) and names rows of each for the path parameters ({@link #insideValue}, {@link #outsideValue}).
 */
public abstract class AccessMatrixContract {

    /** The contract's roles; a caller of each is tried on every operation. */
    protected static final List<String> ROLES = List.of(Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER,
            Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER, Roles.PARTNER);

    private static final List<String> ORG_FILTERS = List.of("communityCode", "gridCode", "unitCode");

    /** A community, one of its grids and a unit. */
    public record Placement(String community, String grid, String unit) {
    }

    /**
     * The two placements as a city's two districts: {@code establish} makes the service hold the inside community
     * under district {@code inside} and the outside community under {@code outside} (a street of each), {@code
     * forget} makes it a one-district deployment again (the suite's other tests call as a district-admin naming no
     * district, who sees nothing once any district is known).
     */
    public record Districts(String inside, String outside, Runnable establish, Runnable forget) {
    }

    private final Placement inside;
    private final Placement outside;

    /**
     * @param inside the scoped callers' placement; their rows are seeded here
     * @param outside a placement no scoped caller of the suite covers; rows are seeded here too
     */
    protected AccessMatrixContract(Placement inside, Placement outside) {
        this.inside = inside;
        this.outside = outside;
    }

    protected final Placement inside() {
        return inside;
    }

    protected final Placement outside() {
        return outside;
    }

    /** Seeds the rows of both placements; runs before each test of the suite (keep it idempotent or cheap). */
    protected void seed() {
    }

    /** A row inside the scope for this path parameter (so allowed roles reach it); default a random UUID. */
    protected String insideValue(Operation operation, String parameter) {
        return UUID.randomUUID().toString();
    }

    /** A row outside the scope for this path parameter or {@code cadreId} filter; null when the service has none. */
    protected String outsideValue(Operation operation, String parameter) {
        return null;
    }

    /** The districts around the two placements; null for a service that keeps no districts (then the cell is skipped). */
    protected Districts districts() {
        return null;
    }

    /**
     * A row of the other district for this path parameter, for the district column; by default the outside row. Null
     * where rows belong to no district (say why in the override).
     */
    protected String otherDistrictValue(Operation operation, String parameter) {
        return outsideValue(operation, parameter);
    }

    /** Operations whose writes the scope test leaves out (say why in the override). */
    protected boolean leaveOutOfScopeWrites(Operation operation) {
        return false;
    }

    /**
     * Lists the scope test leaves out because their rows are not scoped data at all (say why in the override): e.g.
     * a registry's org directory, which every staff role reads whole.
     */
    protected boolean leaveOutOfScopeLists(Operation operation) {
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void theAccessTableNamesEveryOperationWithExactlyTheRolesItAllows() {
        Map<String, Set<String>> table = table();
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Operation operation : api().operations()) {
            seen.add(operation.key());
            Set<String> listed = table.get(operation.key());
            if (listed == null) {
                wrong.add(operation.key() + " is not in access-matrix.tsv (roles in code: " + operation.roles() + ")");
            } else if (!listed.equals(operation.roles())) {
                wrong.add(operation.key() + ": the table says " + listed + ", the code allows " + operation.roles());
            }
        }
        for (String key : table.keySet()) {
            if (!seen.contains(key)) {
                wrong.add(key + " is in access-matrix.tsv but the service has no such operation");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyRoleTheTableDoesNotListIsRefused() {
        seed();
        Map<String, Set<String>> table = table();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Operation operation : api().operations()) {
            Set<String> allowed = table.getOrDefault(operation.key(), Set.of());
            for (String role : ROLES) {
                String token = TestTokens.user(role).communities(inside().community()).grids(inside().grid())
                        .units(inside().unit()).token();
                Answer answer = call(operation, token, this::insideValue);
                cells++;
                if (!allowed.contains(role) && answer.status() != 403) {
                    wrong.add(operation.key() + " as " + role + ": " + answer.status() + ", expected 403");
                }
                if (allowed.contains(role) && (answer.status() == 401 || answer.status() == 403)) {
                    wrong.add(operation.key() + " as " + role + " (allowed, in scope): " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
                if (answer.status() >= 500) {
                    wrong.add(operation.key() + " as " + role + ": " + answer.status());
                }
            }
        }
        System.out.printf("ACCESS-MATRIX role cells=%d wrong=%d%n", cells, wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyForgedTokenIsA401() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, String> forged : ForgedTokens.all().entrySet()) {
            for (Operation operation : api().operations()) {
                Answer answer = call(operation, forged.getValue(), (op, p) -> UUID.randomUUID().toString());
                cells++;
                if (answer.status() != 401) {
                    wrong.add(operation.key() + " with " + forged.getKey() + ": " + answer.status());
                } else if (!answer.isProblem()) {
                    // the documents promise problem+json for every 4xx (kit DocumentedProblems, UnauthenticatedAnswers)
                    wrong.add(operation.key() + " with " + forged.getKey() + ": a 401 as " + answer.contentType());
                }
            }
        }
        System.out.printf("ACCESS-MATRIX forged-token cells=%d wrong=%d%n", cells, wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aScopedCallerNeverSeesOrChangesRowsOutsideItsScope() {
        seed();
        Map<String, Set<String>> table = table();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int rowsChecked = 0;
        for (Operation operation : api().operations()) {
            Set<String> allowed = table.getOrDefault(operation.key(), Set.of());
            for (Map.Entry<String, TestTokens> caller : scopedCallers().entrySet()) {
                if (!allowed.contains(caller.getKey())) {
                    continue;
                }
                String token = caller.getValue().token();
                String who = caller.getKey();
                boolean single = !operation.pathParameters().isEmpty();
                if (single) {
                    if (!operation.method().equals("GET") && leaveOutOfScopeWrites(operation)) {
                        continue;
                    }
                    boolean named = operation.pathParameters().stream()
                            .allMatch(p -> outsideValue(operation, p) != null);
                    if (!named) {
                        continue;
                    }
                    Answer answer = call(operation, token, this::outsideValueOrInside);
                    cells++;
                    if (answer.status() != 403 && answer.status() != 404) {
                        wrong.add(operation.key() + " as " + who + " on a row outside its scope: " + answer.status()
                                + " " + abbreviate(answer.body()));
                    }
                } else if (operation.method().equals("GET") && !leaveOutOfScopeLists(operation)) {
                    Answer list = call(operation, token, this::insideValue);
                    cells++;
                    rowsChecked += outOfScopeRows(operation, who, list, wrong);
                    for (String filter : operation.queryParameters()) {
                        String value = outsideFilter(operation, filter);
                        if (value == null) {
                            continue;
                        }
                        Answer filtered = Wire.send("GET", operation.path() + "?" + filter + "=" + value, token,
                                null, null);
                        cells++;
                        if (filtered.status() == 200 && mayNarrowBy(who, filter)) {
                            rowsChecked += outOfScopeRows(operation, who, filtered, wrong);
                        } else if (filtered.status() != 403) {
                            wrong.add(operation.key() + "?" + filter + "=<outside> as " + who + ": "
                                    + filtered.status() + ", expected 403");
                        }
                    }
                }
            }
        }
        System.out.printf("ACCESS-MATRIX scope cells=%d rows-checked=%d wrong=%d%n", cells, rowsChecked,
                wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aDistrictAdminNeverSeesOrChangesAnotherDistrictsRows() {
        Districts districts = districts();
        Assumptions.assumeTrue(districts != null, "the service keeps no districts");
        seed();
        Map<String, Set<String>> table = table();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int rowsChecked = 0;
        String own = TestTokens.user(Roles.DISTRICT_ADMIN).districts(districts.inside()).token();
        String unnamed = TestTokens.user(Roles.DISTRICT_ADMIN).token();
        String city = TestTokens.user(Roles.CITY_ADMIN).token();
        districts.establish().run();
        try {
            for (Operation operation : api().operations()) {
                if (!table.getOrDefault(operation.key(), Set.of()).contains(Roles.DISTRICT_ADMIN)) {
                    continue;
                }
                if (!operation.pathParameters().isEmpty()) {
                    if (operation.method().equals("GET")) {
                        // its own district's row: what the city admin reads, its district admin reads too
                        Answer asCity = call(operation, city, this::insideValue);
                        Answer inside = call(operation, own, this::insideValue);
                        cells++;
                        if (asCity.status() == 200 && inside.status() != 200) {
                            wrong.add(operation.key() + " as its own district's admin: " + inside.status() + " "
                                    + abbreviate(inside.body()));
                        }
                    }
                    if (!operation.method().equals("GET") && leaveOutOfScopeWrites(operation) || !operation
                            .pathParameters().stream().allMatch(p -> otherDistrictValue(operation, p) != null)) {
                        continue;
                    }
                    Answer answer = call(operation, own, (op, p) -> {
                        String other = otherDistrictValue(op, p);
                        return other != null ? other : insideValue(op, p);
                    });
                    cells++;
                    if (answer.status() != 403 && answer.status() != 404) {
                        wrong.add(operation.key() + " as the other district's admin: " + answer.status() + " "
                                + abbreviate(answer.body()));
                    }
                } else if (operation.method().equals("GET") && !leaveOutOfScopeLists(operation)) {
                    cells++;
                    rowsChecked += outOfScopeRows(operation, Roles.DISTRICT_ADMIN, call(operation, own,
                            this::insideValue), wrong);
                    Answer blind = call(operation, unnamed, this::insideValue);
                    cells++;
                    if (blind.status() == 200 && placedRows(blind) > 0) {
                        wrong.add(operation.key() + " as a district-admin naming no district in a city: "
                                + placedRows(blind) + " rows, expected none");
                    }
                    for (String filter : operation.queryParameters()) {
                        String value = filter.equals("districtCode") ? districts.outside()
                                : outsideFilter(operation, filter);
                        if (value == null) {
                            continue;
                        }
                        Answer filtered = Wire.send("GET", operation.path() + "?" + filter + "=" + value, own, null,
                                null);
                        cells++;
                        if (filtered.status() == 200 && filter.equals("unitCode")) {
                            // a district's residents from any unit: the rows stay in the district
                            rowsChecked += outOfScopeRows(operation, Roles.DISTRICT_ADMIN, filtered, wrong);
                        } else if (filtered.status() != 403) {
                            wrong.add(operation.key() + "?" + filter + "=<other district> as a district admin: "
                                    + filtered.status() + ", expected 403");
                        }
                    }
                }
            }
        } finally {
            districts.forget().run();
        }
        System.out.printf("ACCESS-MATRIX district cells=%d rows-checked=%d wrong=%d%n", cells, rowsChecked,
                wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The scoped roles, each with the claim that scopes it to {@link #inside()}. */
    private Map<String, TestTokens> scopedCallers() {
        Map<String, TestTokens> callers = new LinkedHashMap<>();
        callers.put(Roles.COMMUNITY_WORKER, TestTokens.user(Roles.COMMUNITY_WORKER).communities(inside().community()));
        callers.put(Roles.GRID_WORKER, TestTokens.user(Roles.GRID_WORKER).grids(inside().grid()));
        callers.put(Roles.UNIT_LIAISON, TestTokens.user(Roles.UNIT_LIAISON).units(inside().unit()));
        return callers;
    }

    /**
     * A unit liaison's retirees live anywhere, so it may narrow its list to any community or grid; a community or
     * grid worker may narrow to any unit (its residents from that unit). The rows stay within its scope, which is
     * checked instead (docs/security.md, CallerScope.requireFilter).
     */
    private static boolean mayNarrowBy(String who, String filter) {
        return who.equals(Roles.UNIT_LIAISON) ? filter.equals("communityCode") || filter.equals("gridCode")
                : filter.equals("unitCode");
    }

    private String outsideValueOrInside(Operation operation, String parameter) {
        String outside = outsideValue(operation, parameter);
        return outside != null ? outside : insideValue(operation, parameter);
    }

    private String outsideFilter(Operation operation, String filter) {
        switch (filter) {
            case "communityCode":
                return outside().community();
            case "gridCode":
                return outside().grid();
            case "unitCode":
                return outside().unit();
            case "cadreId":
                return outsideValue(operation, "cadreId");
            default:
                return null;
        }
    }

    /** Counts the rows of a list answer it could place, adding one failure per row outside the caller's scope. */
    private int outOfScopeRows(Operation operation, String who, Answer answer, List<String> wrong) {
        if (answer.status() != 200 || answer.contentType() == null || !answer.contentType().contains("json")) {
            return 0;
        }
        JsonNode body;
        try {
            body = HostileInput.JSON.readTree(answer.body());
        } catch (IOException e) {
            return 0;
        }
        JsonNode items = body.isArray() ? body : body.path("items");
        int placed = 0;
        for (JsonNode item : items) {
            Map<String, String> codes = codes(item);
            if (codes.isEmpty()) {
                continue;
            }
            placed++;
            boolean in = inside().community().equals(codes.get("communityCode"))
                    && (who.equals(Roles.COMMUNITY_WORKER) || who.equals(Roles.DISTRICT_ADMIN))
                    || inside().grid().equals(codes.get("gridCode")) && who.equals(Roles.GRID_WORKER)
                    || inside().unit().equals(codes.get("unitCode")) && who.equals(Roles.UNIT_LIAISON);
            if (!in) {
                wrong.add(operation.key() + " as " + who + " lists a row outside its scope: " + codes);
            }
        }
        return placed;
    }

    /** How many rows of a list answer carry an org code. */
    private static int placedRows(Answer answer) {
        int placed = 0;
        if (answer.contentType() == null || !answer.contentType().contains("json")) {
            return 0;
        }
        try {
            JsonNode body = HostileInput.JSON.readTree(answer.body());
            for (JsonNode item : body.isArray() ? body : body.path("items")) {
                if (!codes(item).isEmpty()) {
                    placed++;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return placed;
    }

    private static Map<String, String> codes(JsonNode item) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (JsonNode holder : List.of(item, item.path("placement"), item.path("cadre"))) {
            for (String field : ORG_FILTERS) {
                JsonNode value = holder.path(field);
                if (value.isTextual() && !codes.containsKey(field)) {
                    codes.put(field, value.asText());
                }
            }
        }
        return codes;
    }

    private Answer call(Operation operation, String token, java.util.function.BiFunction<Operation, String, String> ids) {
        Map<String, String> path = new LinkedHashMap<>();
        for (String parameter : operation.pathParameters()) {
            path.put(parameter, ids.apply(operation, parameter));
        }
        byte[] body = null;
        String type = null;
        if (operation.takesJson()) {
            JsonNode generated = new HostileInput((op, p) -> null).valid(operation, operation.jsonBodySchema(), 0);
            if (generated instanceof ObjectNode object) {
                // A caller "in scope" sends org codes of its own placement: a body naming the generator's placeholder
                // text as its community would rightly be a 403 and hide whether the role itself is let in.
                placeInside(object);
            }
            body = HostileInput.bytes(generated);
            type = "application/json";
        } else if (!operation.bodyTypes().isEmpty()) {
            type = operation.bodyTypes().iterator().next();
            body = new byte[0];
        }
        return Wire.send(operation.method(), operation.pathWith(path), token, body, type);
    }

    private void placeInside(ObjectNode body) {
        Map<String, String> codes = Map.of("communityCode", inside().community(), "gridCode", inside().grid(),
                "unitCode", inside().unit());
        codes.forEach((field, value) -> {
            if (body.has(field)) {
                body.put(field, value);
            }
            // lists of codes too: visit-service's POST /campaigns {"communityCodes":[..]}
            if (body.path(field + "s").isArray()) {
                body.putArray(field + "s").add(value);
            }
        });
    }

    private static ApiDescription api() {
        return ApiDescription.of(Wire.baseUrl());
    }

    /** {@code METHOD path<TAB>role,role} per line; {@code -} for none; {@code #} starts a comment. */
    static Map<String, Set<String>> table() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("access-matrix.tsv")) {
            if (in == null) {
                throw new AssertionError("src/test/resources/access-matrix.tsv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\t+");
                Set<String> roles = new LinkedHashSet<>();
                if (columns.length > 1 && !columns[1].equals("-")) {
                    for (String role : columns[1].split(",")) {
                        roles.add(role.strip());
                    }
                }
                table.put(columns[0].strip(), roles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
