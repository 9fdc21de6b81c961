package shouwang.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.ReadinessContract;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ReadinessTest extends ReadinessContract {
}
