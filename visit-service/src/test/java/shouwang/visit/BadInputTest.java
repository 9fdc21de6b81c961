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
                "/api/v1/contacts?cadreId=" + rows.cadre());
    }

    @Override
    protected String pathValue(Operation operation, String parameter) {
        return HostileSeeds.idFor(rows, operation.path(), parameter).toString();
    }
}
