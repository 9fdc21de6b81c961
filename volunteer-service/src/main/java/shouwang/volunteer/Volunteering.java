package shouwang.volunteer;

/** The topic this service publishes on; each event is a record named after it (docs/events.md). */
public final class Volunteering {

    public static final String TOPIC = "volunteering";

    private Volunteering() {
    }
}
