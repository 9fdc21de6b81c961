package shouwang.kit.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import shouwang.kit.security.Roles;

/**
 * Tokens an attacker could present, each of which must be a 401: none, expired, not yet valid, from another issuer,
 * for another audience, signed by another key, {@code alg: none}, a valid token with its payload edited, and garbage.
 * All but the last claim district-admin, so a 403 would not hide a token that was wrongly believed.
 */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** Label → the Authorization header's token (null: no header). */
    public static Map<String, String> all() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("empty token", "");
        forged.put("garbage", "not.a.jwt");
        forged.put("expired an hour ago", admin().issuedAt(now - 7200).expiresAt(now - 3600).jws().keyId("1").sign());
        forged.put("not valid for an hour", admin().claim("nbf", now + 3600).jws().keyId("1").sign());
        forged.put("another issuer", admin().issuer("https://evil.example.com").jws().keyId("1").sign());
        forged.put("another audience", admin().audience("another-service").jws().keyId("1").sign());
        forged.put("no audience", Jwt.preferredUserName("intruder").issuer(TestTokens.ISSUER).subject("intruder")
                .claim("realm_access", Map.of("roles", List.of(Roles.DISTRICT_ADMIN))).expiresIn(3600).jws()
                .keyId("1").sign());
        forged.put("another key", admin().jws().keyId("1").sign(otherKey().getPrivate()));
        forged.put("HS256 with a guessed secret", admin().jws().keyId("1").algorithm(
                io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256).signWithSecret("0123456789abcdef0123456789abcdef"));
        forged.put("alg none", unsigned());
        forged.put("payload edited to district-admin", edited());
        return forged;
    }

    private static JwtClaimsBuilder admin() {
        return Jwt.preferredUserName("intruder").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("intruder").claim("realm_access", Map.of("roles", List.of(Roles.DISTRICT_ADMIN)))
                .expiresIn(3600);
    }

    private static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned() {
        String valid = TestTokens.districtAdmin();
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + valid.split("\\.")[1] + ".";
    }

    /** A real community worker's token whose payload now says district-admin; the signature is the original. */
    private static String edited() {
        String[] parts = TestTokens.user(Roles.COMMUNITY_WORKER).communities("SQ001").token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + Roles.COMMUNITY_WORKER + "\"", "\"" + Roles.DISTRICT_ADMIN + "\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
