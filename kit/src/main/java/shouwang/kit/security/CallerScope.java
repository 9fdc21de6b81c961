package shouwang.kit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
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

    @Inject
    Instance<OrgHierarchy> hierarchy;

    private Scope scope;

    /**
     * A {@code city-admin} sees everything; a {@code district-admin} the communities of its {@code district_codes}, or
     * everything when it names none and the deployment knows no district (one district: the upgrade default), else
     * nothing (a city must say which district an admin runs); everyone else the communities, grids and units of its
     * claims, its streets' communities included.
     */
    public Scope scope() {
        if (scope == null) {
            scope = scopeOfRoles();
        }
        return scope;
    }

    private Scope scopeOfRoles() {
        if (identity.hasRole(Roles.CITY_ADMIN)) {
            return Scope.everything();
        }
        if (identity.hasRole(Roles.DISTRICT_ADMIN)) {
            Set<String> districts = districtCodes();
            if (districts.isEmpty()) {
                boolean city = hierarchy.isResolvable() && hierarchy.get().hasDistricts();
                return city ? new Scope(false, Set.of(), Set.of(), Set.of()) : Scope.everything();
            }
            return new Scope(false, communitiesOfDistricts(districts), Set.of(), Set.of());
        }
        return new Scope(false, communities(), claim(ScopeClaims.GRID_CODES), claim(ScopeClaims.UNIT_CODES));
    }

    /**
     * The districts a {@code district-admin} runs (its {@code district_codes}); empty for a city admin (all of them),
     * for a one-district admin and for every other role.
     */
    public Set<String> districtCodes() {
        return identity.hasRole(Roles.DISTRICT_ADMIN) && !identity.hasRole(Roles.CITY_ADMIN)
                ? claim(ScopeClaims.DISTRICT_CODES)
                : Set.of();
    }

    /** Whether the caller is the city's ({@code city-admin}): districts and city-wide settings are its. */
    public boolean isCityAdmin() {
        return identity.hasRole(Roles.CITY_ADMIN);
    }

    /**
     * Whether the caller may act on this district: a city admin on any, a district admin on its own (or on any while
     * the deployment has one district and its token names none); nobody else.
     */
    public boolean coversDistrict(String districtCode) {
        if (!identity.hasRole(Roles.DISTRICT_ADMIN)) {
            return false;
        }
        return scope().districtWide() || (districtCode != null && districtCodes().contains(districtCode));
    }

    private Set<String> communitiesOfDistricts(Set<String> districts) {
        return hierarchy.isResolvable() ? Set.copyOf(hierarchy.get().communitiesOfDistricts(districts)) : Set.of();
    }

    /** The street offices of a {@code street-officer} token (its {@code street_codes}); empty for other roles. */
    public Set<String> streetCodes() {
        return identity.hasRole(Roles.STREET_OFFICER) ? claim(ScopeClaims.STREET_CODES) : Set.of();
    }

    /** The cadre of a {@code cadre} token (its {@code cadre_id} claim), empty for every other caller. */
    public Optional<UUID> cadreId() {
        if (!identity.hasRole(Roles.CADRE)) {
            return Optional.empty();
        }
        Set<String> ids = claim(ScopeClaims.CADRE_ID);
        if (ids.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ids.iterator().next()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A street officer sees the communities of its streets, as this service knows them, besides any listed ones. */
    private Set<String> communities() {
        Set<String> listed = claim(ScopeClaims.COMMUNITY_CODES);
        Set<String> streets = streetCodes();
        if (streets.isEmpty() || !hierarchy.isResolvable()) {
            return listed;
        }
        Set<String> all = new LinkedHashSet<>(listed);
        all.addAll(hierarchy.get().communitiesOfStreets(streets));
        return Set.copyOf(all);
    }

    /** The caller as a value, for services that check scope themselves. */
    public Caller caller() {
        return new Caller(username(), scope(), Set.copyOf(identity.getRoles()));
    }

    /** A district or city admin (the latter holds the former role too): what it sees is still {@link #scope()}. */
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

    public void requireCadre(Placement placement) {
        if (!scope().covers(placement)) {
            throw new ForbiddenException("Outside your scope");
        }
    }

    /**
     * A list filtered on org codes: 403 when a filter names a place the caller can see no part of. A unit liaison may
     * still filter by community or grid (its retirees live everywhere), a community or grid worker by unit (residents
     * from that unit), and a grid worker by the community of its grid; the rows are limited to the scope as well.
     * No filter given: nothing to check, even for an empty scope (whose lists are simply empty).
     *
     * @param communityOfGrid the community a grid belongs to (null when unknown)
     */
    public void requireFilter(String communityCode, String gridCode, String unitCode,
            Function<String, String> communityOfGrid) {
        Scope scope = scope();
        if (scope.districtWide() || (communityCode == null && gridCode == null && unitCode == null)) {
            return;
        }
        if (scope.isEmpty()) {
            throw new ForbiddenException("Your token carries no community, grid or unit scope");
        }
        boolean byUnit = !scope.unitCodes().isEmpty();
        boolean byPlace = !scope.communityCodes().isEmpty() || !scope.gridCodes().isEmpty();
        if (communityCode != null && !scope.coversCommunity(communityCode) && !byUnit
                && scope.gridCodes().stream().noneMatch(grid -> communityCode.equals(communityOfGrid.apply(grid)))) {
            throw new ForbiddenException("Community " + communityCode + " is outside your scope");
        }
        if (gridCode != null && !scope.gridCodes().contains(gridCode) && !byUnit
                && !scope.coversCommunity(communityOfGrid.apply(gridCode))) {
            throw new ForbiddenException("Grid " + gridCode + " is outside your scope");
        }
        if (unitCode != null && !scope.unitCodes().contains(unitCode) && !byPlace) {
            throw new ForbiddenException("Unit " + unitCode + " is outside your scope");
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

    public void requireVisible(String what, Object id, Placement placement) {
        if (!scope().covers(placement)) {
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
