package shouwang.kit.problem;

/** Base of the exceptions domain code throws; the problem mapper turns each into its HTTP status. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String title();
}
