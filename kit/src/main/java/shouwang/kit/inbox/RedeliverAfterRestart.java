package shouwang.kit.inbox;

/**
 * A record whose effect failed while the service was stopping: nothing is known about the record itself (the failure
 * may be the shutdown's, such as beans already gone), so it is neither acknowledged nor dead-lettered. The next
 * start reads it again from the last committed offset.
 */
public class RedeliverAfterRestart extends RuntimeException {

    public RedeliverAfterRestart(String message, Throwable cause) {
        super(message, cause);
    }
}
