package shouwang.visit.readmodel;

import java.util.List;

/**
 * Fired synchronously, inside the transaction that applied a batch of newer profiles (one per cadre, in record
 * order), so capabilities holding work for those cadres (tasks, campaign tasks, issues) follow deaths, departures and
 * moves in the same commit, and can look up which of the cadres they hold anything for with one query per batch.
 */
public record ProfilesApplied(List<CadreChanged> changes) {
}
