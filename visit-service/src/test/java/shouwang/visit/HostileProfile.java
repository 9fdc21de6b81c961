package shouwang.visit;

import java.nio.file.Path;
import java.util.Map;

import shouwang.kit.testing.PlatformTestProfile;

/**
 * An application start of its own for the hostile suites: what they write never meets the tests that count rows. Its
 * log also goes to a file of this JVM's own, which {@link LogHygiene} reads for ID numbers and phones.
 */
public class HostileProfile extends PlatformTestProfile {

    static final Path LOG = Path.of("target", "hostile-suites-" + ProcessHandle.current().pid() + ".log");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                "quarkus.log.file.rotation.max-file-size", "500M");
    }
}
