package shouwang.visit.policy;

import java.util.Map;
import java.util.Set;

/**
 * The policies in force at one moment: the city default and the newest version of each district that has its own.
 * Read once per coverage computation, scan or campaign list, so each cadre and campaign is judged by the same set.
 */
public record Policies(Policy cityDefault, Map<String, Policy> districts) {

    public Policies {
        districts = Map.copyOf(districts);
    }

    /** The district's own policy, else the city default (also for null: a campaign or cadre of no known district). */
    public Policy of(String districtCode) {
        Policy own = districtCode == null ? null : districts.get(districtCode);
        return own != null ? own : cityDefault;
    }

    /** The districts with a policy of their own; empty in a one-district deployment and in a city that set none. */
    public Set<String> ownDistricts() {
        return districts.keySet();
    }
}
