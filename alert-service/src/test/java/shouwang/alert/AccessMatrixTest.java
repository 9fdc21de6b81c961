package shouwang.alert;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.AccessMatrixContract;
import shouwang.kit.testing.ApiDescription.Operation;

@QuarkusTest
@TestProfile(HostileProfile.class)
class AccessMatrixTest extends AccessMatrixContract {

    private static final Placement INSIDE = new Placement("SQ001", "SQ001-01", "U001");
    private static final Placement OUTSIDE = new Placement("SQ002", "SQ002-01", "U002");

    AccessMatrixTest() {
        super(INSIDE, OUTSIDE);
    }

    private static UUID insideCadre;
    private static UUID outsideCadre;
    private static UUID insideAlert;
    private static UUID outsideAlert;

    @Override
    protected void seed() {
        if (insideCadre == null) {
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
}
