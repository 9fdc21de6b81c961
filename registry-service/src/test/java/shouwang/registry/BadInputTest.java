package shouwang.registry;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.ApiDescription.Operation;
import shouwang.kit.testing.BadInputContract;
import shouwang.kit.testing.TestTokens;

@QuarkusTest
@TestProfile(HostileProfile.class)
class BadInputTest extends BadInputContract {

    @Override
    protected List<String> seed() {
        HostileRows.ensure();
        return List.of("/api/v1/cadres/" + HostileRows.inside, "/api/v1/cadres/" + HostileRows.outside,
                "/api/v1/org/units/" + HostileRows.IN_UNIT, "/api/v1/org/communities/" + HostileRows.IN_COMMUNITY,
                "/api/v1/org/grids/" + HostileRows.IN_GRID, "/api/v1/imports/" + HostileRows.importJob);
    }

    /** The scoped caller reaches the seeded rows (the default's SQ001 is not an org of this registry). */
    @Override
    protected TestTokens scopedCaller() {
        return TestTokens.user(Roles.COMMUNITY_WORKER).communities(HostileRows.IN_COMMUNITY);
    }

    /** A real row per path, so body cases get past the lookup; moves and deaths on cadres of their own. */
    @Override
    protected String pathValue(Operation operation, String parameter) {
        return HostileRows.insideFor(operation.path());
    }
}
