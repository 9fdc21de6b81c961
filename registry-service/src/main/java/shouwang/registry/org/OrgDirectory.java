package shouwang.registry.org;

import java.util.Map;

/**
 * A snapshot of the org codes for validating cadres: small (hundreds of rows), loaded once per request or import.
 * Only active records validate a cadre's placement; the street of every community is kept for the profile events.
 *
 * @param units         active unit code → name
 * @param communities   active community code → name
 * @param gridCommunity active grid code → its community code
 * @param streets       community code (active or not) → its street and district
 */
public record OrgDirectory(Map<String, String> units, Map<String, String> communities,
        Map<String, String> gridCommunity, Map<String, StreetOf> streets) {

    /**
     * A community's street: its code (null for a community that names its street only), name and district (null in
     * a one-district install).
     */
    public record StreetOf(String code, String name, String districtCode) {
    }

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

    /** The community's street; a street of nulls for an unknown community. */
    public StreetOf streetOf(String communityCode) {
        return streets.getOrDefault(communityCode, new StreetOf(null, null, null));
    }
}
