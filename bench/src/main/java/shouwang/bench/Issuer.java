package shouwang.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OIDC issuer on loopback for the benchmark: a discovery document, the JWKS of a fresh RSA key, and RS256
 * access tokens shaped like the realm's (realm roles in {@code realm_access.roles}, audience {@code shouwang}). The
 * services verify them exactly as they verify Keycloak's: discovery, then the signature against the JWKS. Starts in
 * milliseconds where Keycloak takes 15–30 s and ~450 MB on these 2 cores.
 */
final class Issuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String issuer;

    Issuer(int port) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        issuer = "http://127.0.0.1:" + port + "/realms/bench";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/realms/bench/.well-known/openid-configuration", exchange -> answer(exchange, Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/protocol/openid-connect/certs",
                "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                "token_endpoint", issuer + "/protocol/openid-connect/token",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = Map.of("kty", "RSA", "kid", "bench", "use", "sig", "alg", "RS256",
                "n", unsigned(publicKey.getModulus()), "e", unsigned(publicKey.getPublicExponent()));
        server.createContext("/realms/bench/protocol/openid-connect/certs",
                exchange -> answer(exchange, Map.of("keys", List.of(jwk))));
        server.start();
    }

    String url() {
        return issuer;
    }

    /** A signed token for a user with these realm roles, valid for 12 hours. */
    String token(String username, String... roles) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", "bench");
        Map<String, Object> claims = Map.of("iss", issuer, "aud", "shouwang", "sub", username,
                "preferred_username", username, "azp", "shouwang-bench", "iat", now, "exp", now + 12 * 3600,
                "realm_access", Map.of("roles", List.of(roles)));
        String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + B64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(signature.sign());
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
