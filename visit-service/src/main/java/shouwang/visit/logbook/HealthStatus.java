package shouwang.visit.logbook;

/** The visitor's impression of the cadre's health: 良好, 一般, 较差, 危重. */
public enum HealthStatus {
    GOOD, FAIR, POOR, CRITICAL
}
