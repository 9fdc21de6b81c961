package shouwang.volunteer;

import shouwang.kit.testing.ArchitectureContract;

/** The kit's layout rules on volunteer-service's main classes (plain JUnit, no application start). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("shouwang.volunteer");
    }
}
