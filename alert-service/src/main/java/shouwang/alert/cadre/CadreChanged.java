package shouwang.alert.cadre;

/**
 * Fired synchronously, inside the transaction that applied a newer profile, so the capabilities holding work for the
 * cadre (open alerts, signals waiting for the profile) follow a move, a death or a first arrival in the same commit.
 * The cadre lock is held while observers run.
 */
public record CadreChanged(CadreProfile profile) {
}
