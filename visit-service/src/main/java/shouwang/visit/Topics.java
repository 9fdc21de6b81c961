package shouwang.visit;

/** The topic this service publishes on (docs/events.md); each event's name comes from its record's class. */
public final class Topics {

    public static final String VISITS = "visits";

    private Topics() {
    }
}
