package shouwang.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shouwang.registry")
public interface RegistryConfig {

    /** AES-256 key for ID card numbers, base64 of 32 bytes; env {@code SHOUWANG_REGISTRY_ID_NUMBER_KEY}, never in the repo. */
    String idNumberKey();

    Imports imports();

    interface Imports {
        /** Rows committed per transaction. */
        @WithDefault("1000")
        int chunkSize();

        /** Row errors kept per import; the counts stay exact beyond it. */
        @WithDefault("1000")
        int maxErrors();
    }
}
