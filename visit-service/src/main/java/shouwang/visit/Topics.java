package shouwang.visit;

/** Topic and event names of the event agreement (docs/events.md) this service uses. */
public final class Topics {

    public static final String VISITS = "visits";

    public static final String VISIT_LOGGED = "VisitLogged";
    public static final String MUST_VISIT_TASK_CREATED = "MustVisitTaskCreated";
    public static final String MUST_VISIT_TASK_COMPLETED = "MustVisitTaskCompleted";
    public static final String VISIT_MISSED = "VisitMissed";

    private Topics() {
    }
}
