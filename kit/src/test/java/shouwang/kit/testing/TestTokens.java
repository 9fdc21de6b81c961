package shouwang.kit.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import shouwang.kit.security.Roles;
import shouwang.kit.security.ScopeClaims;

/**
 * Signed access tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, scope claims as string
 * arrays), accepted by the OIDC WireMock provider of {@code quarkus-test-oidc-server}.
 * <pre>{@code given().auth().oauth2(TestTokens.user("community-worker").communities("SQ001").token())}</pre>
 */
public final class TestTokens {

    static {
        // The WireMock provider publishes the public half of this key; set here so tests outside Quarkus can sign too.
        if (System.getProperty("smallrye.jwt.sign.key.location") == null) {
            System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        }
    }

    /** The issuer of the OIDC WireMock provider. */
    public static final String ISSUER = "https://server.example.com";
    /** The audience every service requires ({@code quarkus.oidc.token.audience}, the realm's audience mapper). */
    public static final String AUDIENCE = "shouwang";

    private final String username;
    private final Set<String> roles = new LinkedHashSet<>();
    private final List<String> communities = new ArrayList<>();
    private final List<String> grids = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final List<String> streets = new ArrayList<>();
    private final List<String> districts = new ArrayList<>();
    private String cadreId;

    private TestTokens(String username) {
        this.username = username;
    }

    /** A user named after its role, as in the demo realm. */
    public static TestTokens user(String role) {
        return new TestTokens(role).roles(role);
    }

    public static TestTokens named(String username) {
        return new TestTokens(username);
    }

    public static String districtAdmin() {
        return user(Roles.DISTRICT_ADMIN).token();
    }

    /** The first role given, for suites that pick operations by role. */
    public String role() {
        return roles.isEmpty() ? null : roles.iterator().next();
    }

    public TestTokens roles(String... names) {
        roles.addAll(List.of(names));
        return this;
    }

    public TestTokens communities(String... codes) {
        communities.addAll(List.of(codes));
        return this;
    }

    public TestTokens grids(String... codes) {
        grids.addAll(List.of(codes));
        return this;
    }

    public TestTokens units(String... codes) {
        units.addAll(List.of(codes));
        return this;
    }

    /** Street offices of a {@code street-officer} ({@code street_codes}). */
    public TestTokens streets(String... codes) {
        streets.addAll(List.of(codes));
        return this;
    }

    /** Districts of a {@code district-admin} in a city deployment ({@code district_codes}). */
    public TestTokens districts(String... codes) {
        districts.addAll(List.of(codes));
        return this;
    }

    /** The cadre of a {@code cadre} token ({@code cadre_id}). */
    public TestTokens cadre(Object id) {
        cadreId = String.valueOf(id);
        return this;
    }

    public String token() {
        JwtClaimsBuilder claims = Jwt.preferredUserName(username)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .expiresIn(3600);
        if (!communities.isEmpty()) {
            claims.claim(ScopeClaims.COMMUNITY_CODES, List.copyOf(communities));
        }
        if (!grids.isEmpty()) {
            claims.claim(ScopeClaims.GRID_CODES, List.copyOf(grids));
        }
        if (!units.isEmpty()) {
            claims.claim(ScopeClaims.UNIT_CODES, List.copyOf(units));
        }
        if (!streets.isEmpty()) {
            claims.claim(ScopeClaims.STREET_CODES, List.copyOf(streets));
        }
        if (!districts.isEmpty()) {
            claims.claim(ScopeClaims.DISTRICT_CODES, List.copyOf(districts));
        }
        if (cadreId != null) {
            claims.claim(ScopeClaims.CADRE_ID, cadreId);
        }
        return claims.jws().keyId("1").sign();
    }
}
