package shouwang.registry;

import shouwang.kit.testing.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("shouwang.registry");
    }
}
