package shouwang.registry.cadre;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.TestTokens;
import shouwang.registry.HostileProfile;
import shouwang.registry.HostileRows;
import shouwang.registry.TestData;

/**
 * ID card numbers are personal data (等保): masked in every answer to every role but district-admin, and every plain
 * number district-admin is shown leaves an {@code ID_NUMBER_VIEWED} line in the cadre's history (docs/security.md,
 * contract). The operations come from the OpenAPI document, so a new endpoint that answers cadres cannot escape the
 * scan; answers are searched, JSON or XLSX (unzipped), for the seeded plain numbers themselves.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class IdNumberExposureTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String VIEWED = "ID_NUMBER_VIEWED";
    /** Numbers the sweep's callers typed into new registrations: their answers must mask those too. */
    private static final Set<String> TYPED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One request of a sweep: the operation it exercises, its path and query, a body and how to accept. */
    private record Call(Operation operation, String target, String jsonBody, String accept) {
        String describe() {
            return operation.key() + " " + target + (accept == null ? "" : " [" + accept + "]");
        }
    }

    @BeforeEach
    void rows() {
        HostileRows.ensure();
    }

    /** Every non-admin caller the contract knows, each with the scope that lets it see the inside cadres. */
    private static Map<String, String> callersButDistrictAdmin() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(Roles.COMMUNITY_WORKER,
                TestTokens.user(Roles.COMMUNITY_WORKER).communities(HostileRows.IN_COMMUNITY).token());
        callers.put(Roles.GRID_WORKER, TestTokens.user(Roles.GRID_WORKER).grids(HostileRows.IN_GRID).token());
        callers.put(Roles.UNIT_LIAISON, TestTokens.user(Roles.UNIT_LIAISON).units(HostileRows.IN_UNIT).token());
        callers.put(Roles.VOLUNTEER, TestTokens.user(Roles.VOLUNTEER).communities(HostileRows.IN_COMMUNITY).token());
        callers.put(Roles.PARTNER, TestTokens.user(Roles.PARTNER).communities(HostileRows.IN_COMMUNITY).token());
        // every role but district-admin in one token, scoped to both placements: the widest caller short of the bureau
        callers.put("all-but-district-admin", TestTokens.named("every-staff-role")
                .roles(Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER, Roles.PARTNER)
                .communities(HostileRows.IN_COMMUNITY, HostileRows.OUT_COMMUNITY)
                .grids(HostileRows.IN_GRID, HostileRows.OUT_GRID).units(HostileRows.IN_UNIT, HostileRows.OUT_UNIT)
                .token());
        return callers;
    }

    @Test
    void noRoleButDistrictAdminIsEverShownAPlainIdNumber() {
        List<String> leaks = new ArrayList<>();
        int answers = 0;
        int withCadres = 0;
        Map<String, Long> viewedBefore = viewedCounts();
        for (Map.Entry<String, String> caller : callersButDistrictAdmin().entrySet()) {
            for (Call call : calls(true)) {
                Response answer = send(call, caller.getValue());
                answers++;
                String text = readable(answer);
                if (containsMasked(text)) {
                    withCadres++;
                }
                for (Map.Entry<String, String> plain : HostileRows.PLAIN_ID_NUMBERS.entrySet()) {
                    if (text.contains(plain.getValue())) {
                        leaks.add(call.describe() + " as " + caller.getKey() + " (" + answer.statusCode()
                                + ") shows the plain number of cadre " + plain.getKey());
                    }
                }
                for (String typed : TYPED) {
                    if (text.contains(typed)) {
                        leaks.add(call.describe() + " as " + caller.getKey() + " (" + answer.statusCode()
                                + ") shows the plain number it was sent");
                    }
                }
            }
        }
        System.out.printf("ID-NUMBERS non-admin answers=%d with-cadres=%d leaks=%d%n", answers, withCadres,
                leaks.size());
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        // the scan saw cadres (masked), or it proved nothing
        assertTrue(withCadres >= 10, "only " + withCadres + " answers held a masked number");
        // and a masked read is no read of the number: the history records none
        Map<String, Long> viewedAfter = viewedCounts();
        assertEquals(viewedBefore, viewedAfter, "non-admin reads recorded as reads of the plain number");
    }

    @Test
    void everyPlainNumberShownToDistrictAdminIsInTheHistory() {
        String admin = TestTokens.districtAdmin();
        List<String> wrong = new ArrayList<>();
        Set<String> showing = new TreeSet<>();
        for (Call call : calls(false)) {
            Map<String, Long> before = viewedCounts();
            Response answer = send(call, admin);
            String text = readable(answer);
            Map<String, Long> after = viewedCounts();
            for (Map.Entry<String, String> plain : HostileRows.PLAIN_ID_NUMBERS.entrySet()) {
                String cadre = plain.getKey();
                if (text.contains(plain.getValue())) {
                    showing.add(call.operation().key() + (call.accept() == null ? "" : " [" + call.accept() + "]"));
                    if (after.get(cadre) <= before.get(cadre)) {
                        wrong.add(call.describe() + " showed the plain number of cadre " + cadre
                                + " without a line in its history");
                    }
                }
            }
        }
        System.out.printf("ID-NUMBERS district-admin operations showing plain numbers: %s%n", showing);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // the reads that must show them did (else the audit check above checked nothing)
        for (String expected : List.of("GET /api/v1/cadres", "GET /api/v1/cadres/{id}",
                "GET /api/v1/reports/high-age-subsidy [application/json]",
                "GET /api/v1/reports/high-age-subsidy [" + XLSX + "]")) {
            assertTrue(showing.contains(expected), expected + " showed district-admin no plain number: " + showing);
        }
        // who and through which request
        String id = HostileRows.inside;
        given().auth().oauth2(admin).get("/api/v1/cadres/" + id).then().statusCode(200)
                .body("idNumber", org.hamcrest.Matchers.equalTo(HostileRows.PLAIN_ID_NUMBERS.get(id)));
        Response history = given().auth().oauth2(admin).queryParam("action", VIEWED).queryParam("size", 200)
                .get("/api/v1/cadres/" + id + "/history");
        List<Map<String, Object>> lines = history.jsonPath().getList("items");
        Map<String, Object> last = lines.get(lines.size() - 1);
        assertEquals(Roles.DISTRICT_ADMIN, last.get("actor"), history.asString());
        assertEquals("GET /cadres/{id}", last.get("source"), history.asString());
    }

    /**
     * An import by a community worker naming a cadre outside its community by that cadre's plain number: the job's
     * answer must not echo the number (row errors quote cells), and the cadre stays where it is.
     */
    @Test
    void anImportRowErrorNeverEchoesTheNumber() {
        String worker = TestTokens.user(Roles.COMMUNITY_WORKER).communities(HostileRows.IN_COMMUNITY).token();
        String plain = HostileRows.PLAIN_ID_NUMBERS.get(HostileRows.outside);
        String bad = plain.substring(0, 17) + (plain.charAt(17) == '0' ? '1' : '0');
        String csv = "name,idNumber,retirementType,rank,unitCode,communityCode\n"
                + "陈志强," + plain + ",TUIXIU,OTHER," + HostileRows.IN_UNIT + "," + HostileRows.IN_COMMUNITY + "\n"
                + "王小明," + bad + ",TUIXIU,OTHER," + HostileRows.IN_UNIT + "," + HostileRows.IN_COMMUNITY + "\n";
        String job = given().auth().oauth2(worker).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/cadres").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given().auth().oauth2(worker)
                .get("/api/v1/imports/" + job).then().statusCode(200).extract().path("status")));
        String status = given().auth().oauth2(worker).get("/api/v1/imports/" + job).asString();
        assertTrue(!status.contains(plain) && !status.contains(bad), status);
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/cadres/" + HostileRows.outside).then()
                .statusCode(200).body("communityCode", org.hamcrest.Matchers.equalTo(HostileRows.OUT_COMMUNITY));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Every operation of the document with real inside rows: each GET as is (the roster also as XLSX), the cadre
     * search also by number ({@code idNumber=}, {@code q=}); the writes that answer a cadre with valid bodies.
     */
    private List<Call> calls(boolean writes) {
        ApiDescription api = ApiDescription.of("http://localhost:" + RestAssured.port);
        List<Call> calls = new ArrayList<>();
        String number = HostileRows.PLAIN_ID_NUMBERS.get(HostileRows.inside);
        for (Operation op : api.operations()) {
            String path = op.pathWith(pathValues(op));
            if (op.method().equals("GET")) {
                if (op.path().equals("/api/v1/reports/high-age-subsidy")) {
                    String month = "?month=" + YearMonth.now();
                    calls.add(new Call(op, path + month, null, "application/json"));
                    calls.add(new Call(op, path + month, null, XLSX));
                    calls.add(new Call(op, path + month + "&communityCode=" + HostileRows.IN_COMMUNITY, null, XLSX));
                } else {
                    calls.add(new Call(op, path, null, null));
                }
                if (op.path().equals("/api/v1/cadres")) {
                    calls.add(new Call(op, path + "?idNumber=" + number, null, null));
                    calls.add(new Call(op, path + "?q=" + number, null, null));
                    calls.add(new Call(op, path + "?communityCode=" + HostileRows.IN_COMMUNITY + "&size=200", null,
                            null));
                }
            } else if (writes) {
                String body = writeBody(op);
                if (body != null) {
                    calls.add(new Call(op, path, body, null));
                }
            }
        }
        return calls;
    }

    private static Map<String, String> pathValues(Operation op) {
        Map<String, String> values = new HashMap<>();
        for (String parameter : op.pathParameters()) {
            String path = op.path();
            String value;
            if (path.startsWith("/api/v1/imports/")) {
                value = HostileRows.importJob;
            } else if (path.startsWith("/api/v1/org/units/")) {
                value = HostileRows.IN_UNIT;
            } else if (path.startsWith("/api/v1/org/communities/")) {
                value = HostileRows.IN_COMMUNITY;
            } else if (path.startsWith("/api/v1/org/grids/")) {
                value = HostileRows.IN_GRID;
            } else if (path.endsWith("/moves")) {
                value = HostileRows.insideMoving;
            } else if (path.endsWith("/death")) {
                value = HostileRows.insideDying;
            } else {
                value = HostileRows.inside;
            }
            values.put(parameter, value);
        }
        return values;
    }

    /** A valid body for the writes that answer a cadre; null for the others (org records, imports). */
    private static String writeBody(Operation op) {
        String key = op.key();
        switch (key) {
            case "POST /api/v1/cadres": {
                Map<String, Object> body = TestData.cadre(HostileRows.P, "孙秀英", LocalDate.of(1942, 4, 4), false);
                body.put("unitCode", HostileRows.IN_UNIT);
                TYPED.add((String) body.get("idNumber"));
                // the worker types the number in; the answer must still mask it
                return json(body);
            }
            case "PUT /api/v1/cadres/{id}": {
                Map<String, Object> body = new HashMap<>(HostileRows.BODIES.get(HostileRows.inside));
                body.put("address", "幸福里" + System.nanoTime() % 1000 + "号");
                return json(body);
            }
            case "PUT /api/v1/cadres/{id}/contacts":
                return "[{\"layer\":\"UNIT\",\"name\":\"单位联络人" + System.nanoTime() % 1000
                        + "\",\"phone\":\"13900000001\",\"orgCode\":\"" + HostileRows.IN_UNIT + "\"}]";
            case "POST /api/v1/cadres/{id}/moves":
                return "{\"communityCode\":\"" + HostileRows.IN_COMMUNITY + "\",\"gridCode\":\"" + HostileRows.IN_GRID
                        + "\",\"address\":\"幸福里" + System.nanoTime() % 1000 + "号\"}";
            case "POST /api/v1/cadres/{id}/death":
                return "{\"diedOn\":\"" + LocalDate.now().minusDays(1) + "\"}";
            default:
                return null;
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response send(Call call, String token) {
        RequestSpecification request = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (call.accept() != null) {
            request = request.accept(call.accept());
        }
        if (call.jsonBody() != null) {
            request = request.contentType("application/json").body(call.jsonBody().getBytes(StandardCharsets.UTF_8));
        }
        return request.request(call.operation().method(), call.target());
    }

    /** The answer as text; an XLSX (any ZIP) as the text of all its parts. */
    private static String readable(Response answer) {
        byte[] bytes = answer.asByteArray();
        if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
            // fastexcel streams its parts (sizes after the data), which ZipInputStream cannot read: read from a file
            StringBuilder text = new StringBuilder();
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("answer-", ".zip");
                try {
                    java.nio.file.Files.write(file, bytes);
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                                    .append('\n');
                        }
                    }
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean containsMasked(String text) {
        for (String plain : HostileRows.PLAIN_ID_NUMBERS.values()) {
            if (text.contains(IdNumbers.mask(plain))) {
                return true;
            }
        }
        return false;
    }

    /** {@code ID_NUMBER_VIEWED} lines per seeded cadre. */
    private static Map<String, Long> viewedCounts() {
        String admin = TestTokens.districtAdmin();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String cadre : new LinkedHashSet<>(HostileRows.PLAIN_ID_NUMBERS.keySet())) {
            long total = given().auth().oauth2(admin).queryParam("action", VIEWED).queryParam("size", 1)
                    .get("/api/v1/cadres/" + cadre + "/history").then().statusCode(200).extract().jsonPath()
                    .getLong("total");
            counts.put(cadre, total);
        }
        return counts;
    }
}
