package shouwang.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shouwang.registry")
public interface RegistryConfig {

    /**
     * AES-256 key for ID card numbers, base64 of 32 bytes; env {@code SHOUWANG_REGISTRY_ID_NUMBER_KEY}, never in the
     * repo. It is key version 1 (every row written before keys had versions).
     */
    Optional<String> idNumberKey();

    /**
     * Further key versions, a comma list of {@code version:base64} ({@code 2:...,3:...}); env
     * {@code SHOUWANG_REGISTRY_ID_NUMBER_KEYS}. See {@code IdNumberKeys}.
     */
    Optional<List<String>> idNumberKeys();

    /** The key version new ID numbers are written under; the rotation job re-encrypts every other row to it. */
    @WithDefault("1")
    int idNumberKeyVersion();

    /** Rows the ID-number key rotation re-encrypts per transaction. */
    @WithDefault("500")
    int idNumberKeyRotationBatch();

    /** A JSON request body's limit: a cadre with every field filled is a few kilobytes. */
    @WithDefault("1M")
    MemorySize maxJsonBody();

    Imports imports();

    Statistics statistics();

    interface Statistics {
        /**
         * How often the statistics' pending tally changes are folded into the tallies (the reads are exact either
         * way; folding keeps them short). The {@code @Scheduled} interval reads the same key.
         */
        @WithDefault("5s")
        Duration foldEvery();
    }

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
