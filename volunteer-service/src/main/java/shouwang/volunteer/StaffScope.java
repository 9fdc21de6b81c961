package shouwang.volunteer;

import java.util.Set;

import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Scope;

/** How the staff lists of this service meet the caller's scope (docs/security.md). */
public final class StaffScope {

    private StaffScope() {
    }

    /**
     * The one rule for a token without scope claims: it sees nothing, so its unfiltered lists are empty and a list
     * filtered on a community is a 403. A scope elsewhere that names another community finds nothing in it here.
     */
    public static void requireFilter(CallerScope callerScope, String communityCode) {
        if (callerScope.scope().isEmpty()) {
            callerScope.requireFilter(communityCode, null, null, grid -> null);
        }
    }

    /**
     * Volunteers and service records belong to a community only (no grid, no unit): only the scope's community codes
     * see them. Their own {@code communityCode} stands where a Placement's would, so
     * {@code ListQuery.inScope(StaffScope.communitiesOf(scope), "r")} limits them.
     */
    public static Scope communitiesOf(Scope scope) {
        return new Scope(scope.districtWide(), scope.communityCodes(), Set.of(), Set.of());
    }
}
