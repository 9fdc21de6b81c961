package shouwang.alert.cadre;

import shouwang.kit.security.Placement;

/**
 * One cadre's newer profile, as {@link ProfilesApplied} carries it, so the capabilities holding work for the cadre
 * (open alerts, signals waiting for the profile) follow a move, a death or a first arrival in the same commit.
 * {@code profile} is the row as written (not a managed entity); {@code before} is the placement held until now, null
 * on a first arrival.
 */
public record CadreChanged(CadreProfile profile, Placement before) {

    /** Whether the cadre's community changed from the one held (a move of house, 乔迁); not on a first arrival. */
    public boolean movedCommunity() {
        return before != null && before.communityCode != null && profile.placement().communityCode != null
                && !before.communityCode.equals(profile.placement().communityCode);
    }
}
