package shouwang.registry.cadre;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import shouwang.registry.RegistryConfig;

/**
 * The configured ID-number keys by version: {@code shouwang.registry.id-number-keys} is a comma list of
 * {@code version:base64} ({@code 2:AbC...=,3:XyZ...=}, env {@code SHOUWANG_REGISTRY_ID_NUMBER_KEYS}); the single
 * {@code shouwang.registry.id-number-key} (env {@code SHOUWANG_REGISTRY_ID_NUMBER_KEY}) is version 1, as it was
 * before keys had versions. Neither given, or a version given twice with different keys: the service does not start.
 */
public final class IdNumberKeys {

    private IdNumberKeys() {
    }

    public static Map<Integer, byte[]> of(RegistryConfig config) {
        return parse(config.idNumberKey().orElse(null), config.idNumberKeys().orElse(List.of()));
    }

    static Map<Integer, byte[]> parse(String legacy, List<String> versioned) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        if (legacy != null && !legacy.isBlank()) {
            keys.put(1, decode(legacy, "shouwang.registry.id-number-key"));
        }
        for (String entry : versioned) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            int version;
            try {
                version = colon < 0 ? -1 : Integer.parseInt(entry.substring(0, colon).trim());
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 1) {
                throw new IllegalStateException(
                        "shouwang.registry.id-number-keys must be a comma list of version:base64 (version 1 or more)");
            }
            byte[] key = decode(entry.substring(colon + 1), "shouwang.registry.id-number-keys (version " + version + ")");
            byte[] before = keys.put(version, key);
            if (before != null && !java.util.Arrays.equals(before, key)) {
                throw new IllegalStateException("two different ID-number keys are configured for version " + version);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no ID-number key configured: set shouwang.registry.id-number-key "
                    + "(SHOUWANG_REGISTRY_ID_NUMBER_KEY) or shouwang.registry.id-number-keys");
        }
        return keys;
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " must be base64", e);
        }
    }
}
