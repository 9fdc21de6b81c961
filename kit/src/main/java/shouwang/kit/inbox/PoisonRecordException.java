package shouwang.kit.inbox;

/** A record that can never be applied, however often it is retried: it goes to the topic's DLQ. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
