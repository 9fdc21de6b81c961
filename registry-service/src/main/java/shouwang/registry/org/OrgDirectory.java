package shouwang.registry.org;

import java.util.Map;

/**
 * A snapshot of the org codes for validating cadres: small (hundreds of rows), loaded once per request or import.
 *
 * @param units        unit code → name
 * @param communities  community code → street name
 * @param gridCommunity grid code → its community code
 */
public record OrgDirectory(Map<String, String> units, Map<String, String> communities, Map<String, String> gridCommunity) {

    public boolean hasUnit(String code) {
        return units.containsKey(code);
    }

    public boolean hasCommunity(String code) {
        return communities.containsKey(code);
    }

    public boolean hasGrid(String code) {
        return gridCommunity.containsKey(code);
    }

    public String communityOfGrid(String gridCode) {
        return gridCommunity.get(gridCode);
    }

    public String streetOf(String communityCode) {
        return communities.get(communityCode);
    }
}
