package shouwang.visit.readmodel;

import shouwang.kit.security.Placement;

/** One cadre's newer profile within {@link ProfilesApplied}: its status and placement before. */
public record CadreChanged(Cadre cadre, String previousStatus, Placement previousPlacement) {

    public boolean left() {
        return !cadre.isActive() && (previousStatus == null || Cadre.ACTIVE.equals(previousStatus));
    }

    public boolean moved() {
        return previousStatus != null && !previousPlacement.equals(cadre.placement());
    }
}
