package shouwang.visit.logbook;

/** Fired synchronously in the transaction that logged a visit, for capabilities that count contacts (campaigns). */
public record VisitRecorded(Visit visit) {
}
