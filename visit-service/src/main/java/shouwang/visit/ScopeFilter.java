package shouwang.visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shouwang.kit.security.Scope;

/**
 * Turns the caller's scope into a JPQL condition over an entity's placement attributes ({@code communityCode},
 * {@code gridCode}, {@code unitCode}): a row is visible when any of its placements is in scope.
 */
public final class ScopeFilter {

    private ScopeFilter() {
    }

    /** Appends {@code and (<placement in scope>)} to {@code where} unless the scope is district-wide. */
    public static void apply(Scope scope, String alias, StringBuilder where, Map<String, Object> params) {
        if (scope.districtWide()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        add(alternatives, params, alias + ".communityCode", "scopeCommunities", scope.communityCodes());
        add(alternatives, params, alias + ".gridCode", "scopeGrids", scope.gridCodes());
        add(alternatives, params, alias + ".unitCode", "scopeUnits", scope.unitCodes());
        where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
    }

    private static void add(List<String> alternatives, Map<String, Object> params, String attribute, String name,
            Set<String> codes) {
        if (!codes.isEmpty()) {
            alternatives.add(attribute + " in :" + name);
            params.put(name, List.copyOf(codes));
        }
    }
}
