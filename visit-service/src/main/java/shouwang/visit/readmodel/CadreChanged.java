package shouwang.visit.readmodel;

/**
 * Fired synchronously, inside the transaction that applied a newer profile, so capabilities holding work for the
 * cadre (tasks, campaign tasks) follow a death, a departure or a move in the same commit.
 */
public record CadreChanged(Cadre cadre, String previousStatus, String previousCommunityCode, String previousGridCode,
        String previousUnitCode) {

    public boolean left() {
        return !cadre.isActive() && (previousStatus == null || Cadre.ACTIVE.equals(previousStatus));
    }

    public boolean moved() {
        return previousStatus != null
                && (!java.util.Objects.equals(previousCommunityCode, cadre.communityCode)
                        || !java.util.Objects.equals(previousGridCode, cadre.gridCode)
                        || !java.util.Objects.equals(previousUnitCode, cadre.unitCode));
    }
}
