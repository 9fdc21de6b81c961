package shouwang.alert.signal;

/** What became of a signal. */
public enum SignalStatus {
    /** Opened a new alert. */
    RAISED,
    /** Joined the open alert of the same kind for the cadre. */
    JOINED,
    /** The cadre's profile has not arrived yet; the signal is applied when it does. */
    PENDING_PROFILE,
    /** The cadre is no longer active (deceased, moved away) when its profile arrived. */
    REJECTED
}
