package shouwang.alert;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.BadInputContract;

@QuarkusTest
@TestProfile(HostileProfile.class)
class BadInputTest extends BadInputContract {

    private UUID alertId;

    @Override
    protected List<String> seed() {
        UUID cadreId = Fixtures.knownCadre("SQ001", "SQ001-01", "U001");
        alertId = Api.report(cadreId, "HOSPITALISATION");
        return List.of("/api/v1/alerts/" + alertId, "/api/v1/escalation-policy");
    }

    @Override
    protected String pathValue(Operation operation, String parameter) {
        return alertId.toString();
    }
}
