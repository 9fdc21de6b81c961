package shouwang.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller may see: everything the deployment holds ({@code districtWide}: one district, or a whole city for a
 * city admin) or the cadres placed in one of its communities, grids or units.
 * A cadre is inside the scope when ANY of its three placements is listed: a unit liaison sees its unit's retirees
 * wherever they live, a grid worker the residents of its grid. A scope with no codes at all (a non-admin token
 * without scope claims) sees nothing: its lists are empty and every filter is outside it (docs/security.md).
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

    public boolean covers(Placement placement) {
        Placement p = Placement.orEmpty(placement);
        return covers(p.communityCode, p.gridCode, p.unitCode);
    }

    public boolean coversCommunity(String communityCode) {
        return districtWide || (communityCode != null && communityCodes.contains(communityCode));
    }

    /** True when the scope can see nothing at all (a non-admin token without scope claims). */
    public boolean isEmpty() {
        return !districtWide && communityCodes.isEmpty() && gridCodes.isEmpty() && unitCodes.isEmpty();
    }

    /**
     * The scope as a JPQL condition on an embedded {@link Placement} ({@code path} e.g. {@code "a.placement"}),
     * its parameters added to {@code params}.
     */
    public String jpql(String path, Map<String, Object> params) {
        return condition(path + ".communityCode", path + ".gridCode", path + ".unitCode", params);
    }

    /**
     * The scope as a native SQL condition on the {@code community_code}, {@code grid_code} and {@code unit_code}
     * columns ({@code alias} e.g. {@code "c"}, or empty for unqualified columns), its parameters added to
     * {@code params}.
     */
    public String sql(String alias, Map<String, Object> params) {
        String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
        return condition(prefix + "community_code", prefix + "grid_code", prefix + "unit_code", params);
    }

    /**
     * The scope as a native SQL condition on columns named otherwise ({@code old_community_code} …), its parameters
     * added to {@code params}.
     */
    public String sqlOn(String communityColumn, String gridColumn, String unitColumn, Map<String, Object> params) {
        return condition(communityColumn, gridColumn, unitColumn, params);
    }

    private String condition(String community, String grid, String unit, Map<String, Object> params) {
        if (districtWide) {
            return "1 = 1";
        }
        List<String> any = new ArrayList<>();
        in(any, params, community, "scopeCommunities", communityCodes);
        in(any, params, grid, "scopeGrids", gridCodes);
        in(any, params, unit, "scopeUnits", unitCodes);
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    private static void in(List<String> any, Map<String, Object> params, String column, String name,
            Set<String> codes) {
        if (!codes.isEmpty()) {
            any.add(column + " in (:" + name + ")");
            params.put(name, List.copyOf(codes));
        }
    }
}
