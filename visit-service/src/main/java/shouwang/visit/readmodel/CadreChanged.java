package shouwang.visit.readmodel;

import shouwang.kit.security.Placement;

/**
 * Fired synchronously, inside the transaction that applied a newer profile, so capabilities holding work for the
 * cadre (tasks, campaign tasks) follow a death, a departure or a move in the same commit.
 */
public record CadreChanged(Cadre cadre, String previousStatus, Placement previousPlacement) {

    public boolean left() {
        return !cadre.isActive() && (previousStatus == null || Cadre.ACTIVE.equals(previousStatus));
    }

    public boolean moved() {
        return previousStatus != null && !previousPlacement.equals(cadre.placement());
    }
}
