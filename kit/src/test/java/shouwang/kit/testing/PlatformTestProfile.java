package shouwang.kit.testing;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure for a service test: Kafka broker, PostgreSQL and an OIDC provider, all without Docker.
 * Use {@code @TestProfile(PlatformTestProfile.class)}; classes with the same profile share one application start.
 * Extend it to add configuration ({@link #getConfigOverrides()}).
 */
public class PlatformTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(KafkaBrokerResource.class, java.util.Map.of(), true),
                new TestResourceEntry(PostgresResource.class, java.util.Map.of(), true),
                new TestResourceEntry(OidcWiremockTestResource.class, java.util.Map.of(), true));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
