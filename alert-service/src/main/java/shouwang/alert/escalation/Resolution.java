package shouwang.alert.escalation;

public enum Resolution {
    /** The must-visit tasks of the current level were completed. */
    VISITED,
    /** Resolved by hand, with a reason. */
    MANUAL
}
