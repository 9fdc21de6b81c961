package shouwang.kit.problem;

/** The record does not exist, or exists outside the caller's scope (a scoped reader must not learn which). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
