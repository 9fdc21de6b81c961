package shouwang.volunteer;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.BadInputContract;

/** The kit's generated bad-input suite against every operation, with real rows in every path (HostileRows). */
@QuarkusTest
@TestProfile(HostileProfile.class)
class BadInputTest extends BadInputContract {

    @Override
    protected List<String> seed() {
        return HostileRows.inside().paths();
    }

    @Override
    protected String pathValue(Operation operation, String parameter) {
        return HostileRows.inside().valueFor(operation, parameter);
    }
}
