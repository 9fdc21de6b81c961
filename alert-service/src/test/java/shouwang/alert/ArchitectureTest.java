package shouwang.alert;

import shouwang.kit.testing.ArchitectureContract;

/** The platform's layout rules on alert-service's main classes (package-info.java draws the dependency direction). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("shouwang.alert");
    }
}
