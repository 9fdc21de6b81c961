package shouwang.alert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.alert.org.OrgKind;
import shouwang.alert.org.OrgRecord;
import shouwang.kit.security.Roles;

import shouwang.kit.testing.AccessMatrixContract;
import shouwang.kit.testing.ApiDescription;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.TestTokens;

@QuarkusTest
@TestProfile(HostileProfile.class)
class AccessMatrixTest extends AccessMatrixContract {

    private static final Placement INSIDE = new Placement("SQ001", "SQ001-01", "U001");
    private static final Placement OUTSIDE = new Placement("SQ002", "SQ002-01", "U002");

    AccessMatrixTest() {
        super(INSIDE, OUTSIDE);
    }

    private static final String INSIDE_STREET = "JD001";

    private static UUID insideCadre;
    private static UUID outsideCadre;
    private static UUID insideAlert;
    private static UUID outsideAlert;

    @Override
    protected void seed() {
        if (insideCadre == null) {
            // the street officer's street holds the inside community; the outside one lies in another street
            Fixtures.orgRecordAndAwait("COMMUNITY", INSIDE.community(), "东城社区", INSIDE_STREET, 1, List.of());
            Fixtures.orgRecordAndAwait("COMMUNITY", OUTSIDE.community(), "西城社区", "JD002", 1, List.of());
            insideCadre = Fixtures.knownCadre(INSIDE.community(), INSIDE.grid(), INSIDE.unit());
            outsideCadre = Fixtures.knownCadre(OUTSIDE.community(), OUTSIDE.grid(), OUTSIDE.unit());
            insideAlert = Api.report(insideCadre, "HARDSHIP");
            outsideAlert = Api.report(outsideCadre, "HARDSHIP");
        }
    }

    @Override
    protected String insideValue(Operation operation, String parameter) {
        return insideAlert == null ? UUID.randomUUID().toString() : insideAlert.toString();
    }

    @Override
    protected String outsideValue(Operation operation, String parameter) {
        if (outsideAlert == null) {
            return null;
        }
        return parameter.equals("cadreId") ? outsideCadre.toString() : outsideAlert.toString();
    }

    /**
     * The city column: the inside community's street in one district, the outside one's in another. The DISTRICT
     * records go again afterwards: the suite's other tests call as a district-admin naming no district.
     */
    @Override
    protected Districts districts() {
        return new Districts("QXM01", "QXM02", () -> {
            placeStreet(INSIDE_STREET, "QXM01");
            placeStreet("JD002", "QXM02");
        }, () -> QuarkusTransaction.requiringNew().run(() -> OrgRecord.delete("kind", OrgKind.DISTRICT)));
    }

    /** The escalation policy is no scoped data: every staff role reads any district's (docs/alert-service.md). */
    @Override
    protected boolean leaveOutOfScopeLists(Operation operation) {
        return operation.path().endsWith("/escalation-policy");
    }

    private static void placeStreet(String street, String district) {
        Fixtures.orgRecordAndAwait("DISTRICT", district, district + "区", null, versionOf("DISTRICT", district) + 1,
                List.of());
        Fixtures.orgRecordAndAwait("STREET", street, street + "街道", district, versionOf("STREET", street) + 1,
                List.of());
    }

    private static long versionOf(String kind, String code) {
        OrgRecord held = QuarkusTransaction.requiringNew().call(() -> OrgRecord.findById(kind + ":" + code));
        return held == null ? 0 : held.version;
    }

    /**
     * The kit's suites try the contract's first six roles; the street officer (its street holds the inside community)
     * is held here to the same rules: the table both ways, and nothing of another street seen or changed.
     */
    @Test
    void aStreetOfficerIsLetInWhereTheTableSaysAndNeverReachesAnotherStreetsAlerts() {
        seed();
        String token = TestTokens.user(Roles.STREET_OFFICER).streets(INSIDE_STREET).token();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : ApiDescription.of("http://localhost:" + RestAssured.port).operations()) {
            boolean allowed = operation.roles().contains(Roles.STREET_OFFICER);
            int inside = call(operation, token, insideAlert).statusCode();
            if (allowed ? inside == 401 || inside == 403 || inside >= 500 : inside != 403) {
                wrong.add(operation.key() + " in scope: " + inside + (allowed ? "" : ", expected 403"));
            }
            if (!allowed) {
                continue;
            }
            if (!operation.pathParameters().isEmpty()) {
                int outside = call(operation, token, outsideAlert).statusCode();
                if (outside != 403 && outside != 404) {
                    wrong.add(operation.key() + " on another street's alert: " + outside);
                }
            } else if (operation.method().equals("GET") && !operation.path().endsWith("/statistics")) {
                // a list (the board's counts are checked per scope in DistrictWorklistTest)
                List<String> communities = Api.as(token).get(operation.path() + "?size=200").then().statusCode(200)
                        .extract().path("items.communityCode");
                communities.stream().filter(c -> !INSIDE.community().equals(c))
                        .forEach(c -> wrong.add(operation.key() + " lists an alert of " + c));
                for (String filter : List.of("communityCode=" + OUTSIDE.community(), "cadreId=" + outsideCadre)) {
                    int filtered = Api.as(token).get(operation.path() + "?" + filter).then().extract().statusCode();
                    if (filtered != 403) {
                        wrong.add(operation.key() + "?" + filter + ": " + filtered + ", expected 403");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static Response call(Operation operation, String token, UUID alert) {
        String path = operation.pathWith(Map.of("id", alert.toString()));
        RequestSpecification request = RestAssured.given().auth().oauth2(token);
        if (operation.takesJson()) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(operation.method(), path);
    }
}
