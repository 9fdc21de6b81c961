package shouwang.registry.cadre;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.registry.RegistryConfig;

/**
 * Encryption at rest of ID card numbers (AES-256-GCM, random 96-bit IV per value) and a keyed blind index
 * (HMAC-SHA256) so a lookup by number works without decrypting every row. Each key has a version; the index key of
 * a version is derived from that version's key, so one secret per version protects both.
 * <p>
 * Stored forms carry the version they were written under: version 1 has no prefix (every row written before keys
 * had versions, and every row an install that never rotated writes), any other version is prefixed {@code vN:}
 * (cipher {@code v2:base64(iv|ciphertext)}, index {@code v2:hex}). New values are always written under the current
 * version; a value under any configured version can be read, and a lookup tries the number's index under every
 * configured version ({@link #blindIndexes}), so rows stay findable while the rotation job re-encrypts them.
 */
@ApplicationScoped
public class IdNumberProtector {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INDEX_LABEL = "shouwang-registry-id-number-index";

    /** One key version: its AES key and the per-thread HMAC of its blind index (Mac is not thread-safe). */
    private record Version(int number, SecretKeySpec encryptionKey, ThreadLocal<Mac> indexMac) {
    }

    private final int current;
    /** Current version first, then the others newest first: the order lookups try them in. */
    private final List<Version> versions;
    private final Map<Integer, Version> byNumber = new TreeMap<>();
    /** Cipher is not thread-safe and costly to look up: one per thread (imports call it per row). */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @Inject
    public IdNumberProtector(RegistryConfig config) {
        this(IdNumberKeys.of(config), config.idNumberKeyVersion());
    }

    /**
     * @param keys    version → 32-byte AES key
     * @param current the version new values are written under (must be among {@code keys})
     */
    public IdNumberProtector(Map<Integer, byte[]> keys, int current) {
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("shouwang.registry.id-number-key-version is " + current
                    + " but no key of that version is configured (versions configured: " + new TreeSet<>(keys.keySet())
                    + ")");
        }
        this.current = current;
        keys.forEach((number, key) -> {
            if (number < 1) {
                throw new IllegalStateException("ID-number key versions start at 1, got " + number);
            }
            if (key.length != 32) {
                throw new IllegalStateException("the ID-number key of version " + number
                        + " must be 32 bytes (base64), got " + key.length);
            }
            SecretKeySpec indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), INDEX_LABEL),
                    "HmacSHA256");
            byNumber.put(number, new Version(number, new SecretKeySpec(key, "AES"), ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(indexKey);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            })));
        });
        List<Version> ordered = new ArrayList<>();
        ordered.add(byNumber.get(current));
        new TreeMap<>(byNumber).descendingMap().values().stream().filter(v -> v.number() != current)
                .forEach(ordered::add);
        this.versions = List.copyOf(ordered);
    }

    /** The version new values are written under. */
    public int currentVersion() {
        return current;
    }

    /** Every version this instance can read. */
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byNumber.keySet()));
    }

    /** The key version a stored cipher or blind index was written under (no prefix: version 1). */
    public static int versionOf(String stored) {
        if (stored.length() > 1 && stored.charAt(0) == 'v') {
            int colon = stored.indexOf(':');
            if (colon > 1) {
                try {
                    return Integer.parseInt(stored.substring(1, colon));
                } catch (NumberFormatException e) {
                    // not a prefix: base64 may start with a 'v', but never holds a ':'
                }
            }
        }
        return 1;
    }

    public String encrypt(String plain) {
        Version version = byNumber.get(current);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, version.encryptionKey(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return prefix(current)
                    + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt ID number", e);
        }
    }

    public String decrypt(String stored) {
        int number = versionOf(stored);
        Version version = byNumber.get(number);
        if (version == null) {
            throw new IllegalStateException("cannot decrypt ID number: it is under key version " + number
                    + ", which is not configured (versions configured: " + versions() + ")");
        }
        String body = stored.startsWith("v" + number + ":") ? stored.substring(stored.indexOf(':') + 1) : stored;
        try {
            byte[] all = Base64.getDecoder().decode(body);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, version.encryptionKey(), new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt ID number under key version " + number + " (wrong key?)", e);
        }
    }

    /**
     * The index new values are written with (current version). Deterministic, keyed: equal numbers give equal
     * indexes, and the index reveals nothing without the key.
     */
    public String blindIndex(String normalizedIdNumber) {
        return index(byNumber.get(current), normalizedIdNumber);
    }

    /** The number's index under every configured version, the current one first: what a lookup must try. */
    public List<String> blindIndexes(String normalizedIdNumber) {
        return versions.stream().map(version -> index(version, normalizedIdNumber)).toList();
    }

    private static String index(Version version, String normalizedIdNumber) {
        return prefix(version.number()) + HexFormat.of()
                .formatHex(version.indexMac().get().doFinal(normalizedIdNumber.getBytes(StandardCharsets.UTF_8)));
    }

    private static String prefix(int version) {
        return version == 1 ? "" : "v" + version + ":";
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute HMAC", e);
        }
    }
}
