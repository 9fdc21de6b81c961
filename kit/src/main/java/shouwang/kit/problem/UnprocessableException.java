package shouwang.kit.problem;

/** Well-formed, but it cannot be acted on yet (e.g. a cadre whose profile has not reached this service). */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Unprocessable Content";
    }
}
