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

    /**
     * The city column: each placement's community under a street of its own district. The DISTRICT records go again
     * afterwards: the suite's other tests call as a district-admin naming no district.
     */
    @Override
    protected Districts districts() {
        return new Districts("QXM01", "QXM02", () -> {
            place(INSIDE.community(), "QXMJD01", "QXM01");
            place(OUTSIDE.community(), "QXMJD02", "QXM02");
        }, OrgRecords::forgetDistricts);
    }

    private static void place(String community, String street, String district) {
        OrgRecords.applied(OrgRecords.record("DISTRICT", district, district + "区", null,
                OrgRecords.versionOf("DISTRICT", district) + 1));
        OrgRecords.applied(OrgRecords.record("STREET", street, street + "街道", district,
                OrgRecords.versionOf("STREET", street) + 1));
        OrgRecords.applied(OrgRecords.record("COMMUNITY", community, community + "社区", street,
                OrgRecords.versionOf("COMMUNITY", community) + 1));
    }
}
