package shouwang.visit;

import shouwang.kit.testing.ArchitectureContract;

/** The kit's layout rules over visit-service's main classes (no Quarkus boot). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("shouwang.visit");
    }
}
