package shouwang.registry.cadre;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import shouwang.registry.RegistryConfig;

/**
 * Encryption at rest of ID card numbers (AES-256-GCM, random 96-bit IV per value) and a keyed blind index
 * (HMAC-SHA256) so a lookup by number works without decrypting every row. The index key is derived from the
 * configured key, so one secret protects both.
 */
@ApplicationScoped
public class IdNumberProtector {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    /** Mac and Cipher are not thread-safe and costly to look up: one of each per thread (imports call them per row). */
    private final ThreadLocal<Mac> indexMac;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public IdNumberProtector(RegistryConfig config) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.idNumberKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("shouwang.registry.id-number-key must be base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("shouwang.registry.id-number-key must be 32 bytes (base64), got " + key.length);
        }
        encryptionKey = new SecretKeySpec(key, "AES");
        indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "shouwang-registry-id-number-index"),
                "HmacSHA256");
        indexMac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(indexKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt ID number", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt ID number (wrong key?)", e);
        }
    }

    /** Deterministic, keyed: equal numbers give equal indexes, and the index reveals nothing without the key. */
    public String blindIndex(String normalizedIdNumber) {
        return HexFormat.of().formatHex(indexMac.get().doFinal(normalizedIdNumber.getBytes(StandardCharsets.UTF_8)));
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
