package shouwang.kit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.NotFoundException;

/**
 * The caller's scope, from its roles and the scope claims of its token, so a service asks in one line:
 * {@code callerScope.requireCadre(community, grid, unit)} or {@code callerScope.scope()} to filter a query.
 */
@RequestScoped
public class CallerScope {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Scope scope;

    public Scope scope() {
        if (scope == null) {
            scope = identity.hasRole(Roles.DISTRICT_ADMIN)
                    ? Scope.everything()
                    : new Scope(false, claim(ScopeClaims.COMMUNITY_CODES), claim(ScopeClaims.GRID_CODES),
                            claim(ScopeClaims.UNIT_CODES));
        }
        return scope;
    }

    public boolean isDistrictAdmin() {
        return identity.hasRole(Roles.DISTRICT_ADMIN);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The user name recorded in audit trails. */
    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** A change or list request aimed outside the caller's scope: 403. */
    public void requireCadre(String communityCode, String gridCode, String unitCode) {
        if (!scope().covers(communityCode, gridCode, unitCode)) {
            throw new ForbiddenException("Outside your scope");
        }
    }

    public void requireCommunity(String communityCode) {
        if (!scope().coversCommunity(communityCode)) {
            throw new ForbiddenException("Community " + communityCode + " is outside your scope");
        }
    }

    /** A read of one record outside scope is a 404, so a scoped user cannot probe which ids exist. */
    public void requireVisible(String what, Object id, String communityCode, String gridCode, String unitCode) {
        if (!scope().covers(communityCode, gridCode, unitCode)) {
            throw new NotFoundException(what, id);
        }
    }

    private Set<String> claim(String name) {
        Object value = token.getClaim(name);
        Set<String> codes = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                codes.add(item instanceof JsonString string ? string.getString() : item.toString());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> codes.add(String.valueOf(item)));
        } else if (value instanceof JsonString string) {
            addSeparated(codes, string.getString());
        } else if (value instanceof String string) {
            addSeparated(codes, string);
        }
        return Set.copyOf(codes);
    }

    private static void addSeparated(Set<String> codes, String value) {
        for (String code : value.split("[,\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code);
            }
        }
    }
}
