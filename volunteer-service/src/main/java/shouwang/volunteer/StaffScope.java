package shouwang.volunteer;

import java.util.Set;

import shouwang.kit.security.Scope;

/**
 * What of the caller's scope sees the rows of this service that are not placed like a cadre (docs/security.md).
 * Lists filtered on an org code go through the kit's {@code CallerScope.requireFilter} (403 outside the scope); these
 * narrow the rows, so {@code ListQuery.inScope(StaffScope.communitiesOf(scope), "r")}.
 */
public final class StaffScope {

    private StaffScope() {
    }

    /**
     * Volunteers, service records and teams belong to a community only (no grid, no unit): only the scope's community
     * codes see them. Their own {@code communityCode} stands where a Placement's would.
     */
    public static Scope communitiesOf(Scope scope) {
        return new Scope(scope.districtWide(), scope.communityCodes(), Set.of(), Set.of());
    }

    /** Posts are placed in a community and maybe one of its grids (no unit): community and grid codes see them. */
    public static Scope placesOf(Scope scope) {
        return new Scope(scope.districtWide(), scope.communityCodes(), scope.gridCodes(), Set.of());
    }
}
