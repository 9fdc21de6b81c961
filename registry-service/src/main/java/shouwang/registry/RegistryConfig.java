package shouwang.registry;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shouwang.registry")
public interface RegistryConfig {

    /** AES-256 key for ID card numbers, base64 of 32 bytes; env {@code SHOUWANG_REGISTRY_ID_NUMBER_KEY}, never in the repo. */
    String idNumberKey();

    /** A JSON request body's limit: a cadre with every field filled is a few kilobytes. */
    @WithDefault("1M")
    MemorySize maxJsonBody();

    Imports imports();

    interface Imports {
        /** Rows committed per transaction. */
        @WithDefault("1000")
        int chunkSize();

        /** Row errors kept per import; the counts stay exact beyond it. */
        @WithDefault("1000")
        int maxErrors();

        /** An uploaded file's limit: 100,000 rows of CSV are ~13 MB. */
        @WithDefault("32M")
        MemorySize maxFileSize();

        /** Cells a row may have (the import reads 16 columns; spreadsheets often carry some empty ones). */
        @WithDefault("1000")
        int maxColumns();

        /** What an XLSX may unzip to, all its parts together (100,000 rows are ~70 MB of XML). */
        @WithDefault("256M")
        MemorySize maxUnzippedSize();
    }
}
