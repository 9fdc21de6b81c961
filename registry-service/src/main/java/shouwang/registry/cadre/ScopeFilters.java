package shouwang.registry.cadre;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Scope;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.org.OrgService;

/**
 * List filters against the caller's scope: a filter naming a place the caller cannot see any part of is a request
 * outside scope (403). A unit liaison may still filter by community (its retirees live everywhere), and a community
 * or grid worker by unit (residents from that unit); results are always limited to the scope as well.
 */
@RequestScoped
public class ScopeFilters {

    @Inject
    CallerScope caller;

    @Inject
    OrgService org;

    public void require(String communityCode, String gridCode, String unitCode) {
        Scope scope = caller.scope();
        if (scope.districtWide()) {
            return;
        }
        if (scope.isEmpty()) {
            throw new ForbiddenException("Your token carries no community, grid or unit scope");
        }
        boolean byUnit = !scope.unitCodes().isEmpty();
        boolean byPlace = !scope.communityCodes().isEmpty() || !scope.gridCodes().isEmpty();
        OrgDirectory directory = org.directory();
        if (communityCode != null && !scope.coversCommunity(communityCode) && !byUnit
                && scope.gridCodes().stream().noneMatch(grid -> communityCode.equals(directory.communityOfGrid(grid)))) {
            throw new ForbiddenException("Community " + communityCode + " is outside your scope");
        }
        if (gridCode != null && !scope.gridCodes().contains(gridCode) && !byUnit
                && !scope.coversCommunity(directory.communityOfGrid(gridCode))) {
            throw new ForbiddenException("Grid " + gridCode + " is outside your scope");
        }
        if (unitCode != null && !scope.unitCodes().contains(unitCode) && !byPlace) {
            throw new ForbiddenException("Unit " + unitCode + " is outside your scope");
        }
    }

    /** The scope as a SQL condition on the cadre table (native column names), with its parameters added. */
    public String sql(java.util.Map<String, Object> parameters) {
        Scope scope = caller.scope();
        if (scope.districtWide()) {
            return "true";
        }
        java.util.List<String> any = new java.util.ArrayList<>();
        if (!scope.communityCodes().isEmpty()) {
            any.add("community_code in (:scopeCommunities)");
            parameters.put("scopeCommunities", scope.communityCodes());
        }
        if (!scope.gridCodes().isEmpty()) {
            any.add("grid_code in (:scopeGrids)");
            parameters.put("scopeGrids", scope.gridCodes());
        }
        if (!scope.unitCodes().isEmpty()) {
            any.add("unit_code in (:scopeUnits)");
            parameters.put("scopeUnits", scope.unitCodes());
        }
        return any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
    }
}
