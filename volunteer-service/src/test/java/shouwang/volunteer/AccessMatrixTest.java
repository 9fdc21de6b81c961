package shouwang.volunteer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.AccessMatrixContract;
import shouwang.kit.testing.ApiDescription.Operation;

/** The kit's access matrix over every operation, with real rows inside and outside the scoped callers' scope. */
@QuarkusTest
@TestProfile(HostileProfile.class)
class AccessMatrixTest extends AccessMatrixContract {

    private static final Placement INSIDE = new Placement("SQ001", "SQ001-WG01", "DW001");
    private static final Placement OUTSIDE = new Placement("SQ002", "SQ002-WG01", "DW002");

    AccessMatrixTest() {
        super(INSIDE, OUTSIDE);
    }

    @Override
    protected void seed() {
        HostileRows.inside();
        HostileRows.outside();
    }

    @Override
    protected String insideValue(Operation operation, String parameter) {
        return HostileRows.inside().valueFor(operation, parameter);
    }

    @Override
    protected String outsideValue(Operation operation, String parameter) {
        return HostileRows.outside().valueFor(operation, parameter);
    }
}
