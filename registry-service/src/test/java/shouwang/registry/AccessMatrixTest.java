package shouwang.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.AccessMatrixContract;
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
     * The org directory is the district's shared reference data, not scoped rows: every staff role reads it whole
     * (docs/registry-service.md, Roles; a move may name any community's grid) and its views hold no personal data.
     * Its grids carry a {@code communityCode}, which the scope test would take for a cadre's placement.
     */
    @Override
    protected boolean leaveOutOfScopeLists(Operation operation) {
        return operation.path().startsWith("/api/v1/org/");
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
