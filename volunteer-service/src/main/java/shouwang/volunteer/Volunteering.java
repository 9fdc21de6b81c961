package shouwang.volunteer;

/** The topic this service publishes on and the event names of docs/events.md. */
public final class Volunteering {

    public static final String TOPIC = "volunteering";
    public static final String POST_PUBLISHED = "PostPublished";
    public static final String POST_CLAIMED = "PostClaimed";
    public static final String SERVICE_HOURS_LOGGED = "ServiceHoursLogged";
    public static final String PAIRING_CREATED = "PairingCreated";
    public static final String PAIRING_ENDED = "PairingEnded";

    private Volunteering() {
    }
}
