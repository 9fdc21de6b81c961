package shouwang.visit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.ReadinessContract;

@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ReadinessTest extends ReadinessContract {
}
