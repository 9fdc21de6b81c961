package shouwang.kit.problem;

/** The request is valid but clashes with the current state (a duplicate code, a full post, a closed task). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
