package shouwang.registry;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import shouwang.kit.testing.PlatformTestProfile;

/** The platform's real infrastructure plus a fresh random ID-number key per run (never a committed key). */
public class RegistryTestProfile extends PlatformTestProfile {

    static final String KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KEY = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shouwang.registry.id-number-key", KEY);
    }
}
