package shouwang.visit;

import java.util.List;

import org.junit.jupiter.api.AfterAll;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.BadInputContract;

@QuarkusTest
@TestProfile(HostileProfile.class)
class BadInputTest extends BadInputContract {

    @AfterAll
    static void noLogLineHoldsAnIdNumberOrAPhone() {
        LogHygiene.assertNoPersonalNumbers();
    }

    /** In the default scoped caller's community (SQ001), so its cases reach the rows too. */
    private static HostileSeeds.Rows rows;

    @Override
    protected List<String> seed() {
        if (rows == null) {
            rows = HostileSeeds.seed(AccessMatrixTest.INSIDE);
        }
        return List.of("/api/v1/visits/" + rows.visit(), "/api/v1/issues/" + rows.issue(),
                "/api/v1/tasks/" + rows.task(), "/api/v1/campaigns/" + rows.campaign(),
                "/api/v1/contacts?cadreId=" + rows.cadre(), "/api/v1/visit-policy");
    }

    @Override
    protected String pathValue(Operation operation, String parameter) {
        return HostileSeeds.idFor(rows, operation.path(), parameter).toString();
    }

    @org.junit.jupiter.api.Test
    void aStreetOfficersBadFiltersAreRefusedNamingTheParameter() {
        String officer = shouwang.kit.testing.TestTokens.user("street-officer").streets("JD001").token();
        for (String[] ask : new String[][] { { "/api/v1/tasks", "layer", "ALLEY" },
                { "/api/v1/tasks", "updatedSince", "yesterday" }, { "/api/v1/statistics/visits", "from", "2026-13-01" },
                { "/api/v1/statistics/visits", "to", "20260101" }, { "/api/v1/visits", "layer", "7" } }) {
            io.restassured.RestAssured.given().auth().oauth2(officer).queryParam(ask[1], ask[2]).get(ask[0]).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.hasItem(ask[1]));
        }
    }
}
