package shouwang.alert;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.BadInputContract;
import shouwang.kit.testing.TestTokens;

/** The hostile input suite again, with a street officer (whose street holds SQ001) as the scoped caller. */
@QuarkusTest
@TestProfile(HostileProfile.class)
class StreetOfficerBadInputTest extends BadInputContract {

    private UUID alertId;

    @Override
    protected List<String> seed() {
        Fixtures.orgRecordAndAwait("COMMUNITY", "SQ001", "东城社区", "JD001", 1, List.of());
        UUID cadreId = Fixtures.knownCadre("SQ001", "SQ001-01", "U001");
        alertId = Api.report(cadreId, "HOSPITALISATION");
        return List.of("/api/v1/alerts/" + alertId);
    }

    @Override
    protected TestTokens scopedCaller() {
        return TestTokens.user(Roles.STREET_OFFICER).streets("JD001");
    }

    @Override
    protected String pathValue(Operation operation, String parameter) {
        return alertId.toString();
    }
}
