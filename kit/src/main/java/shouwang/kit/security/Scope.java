package shouwang.kit.security;

import java.util.Set;

/**
 * What a caller may see: everything (district-wide) or the cadres placed in one of its communities, grids or units.
 * A cadre is inside the scope when ANY of its three placements is listed: a unit liaison sees its unit's retirees
 * wherever they live, a grid worker the residents of its grid.
 */
public record Scope(boolean districtWide, Set<String> communityCodes, Set<String> gridCodes, Set<String> unitCodes) {

    public static Scope everything() {
        return new Scope(true, Set.of(), Set.of(), Set.of());
    }

    public boolean covers(String communityCode, String gridCode, String unitCode) {
        return districtWide
                || (communityCode != null && communityCodes.contains(communityCode))
                || (gridCode != null && gridCodes.contains(gridCode))
                || (unitCode != null && unitCodes.contains(unitCode));
    }

    public boolean coversCommunity(String communityCode) {
        return districtWide || (communityCode != null && communityCodes.contains(communityCode));
    }

    /** True when the scope can see nothing at all (a non-admin token without scope claims). */
    public boolean isEmpty() {
        return !districtWide && communityCodes.isEmpty() && gridCodes.isEmpty() && unitCodes.isEmpty();
    }
}
