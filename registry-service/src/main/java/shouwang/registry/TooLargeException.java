package shouwang.registry;

import shouwang.kit.problem.InvalidFieldsException;

/**
 * A request body or file over this service's limits: a 413 naming what is too large ({@code body}, {@code file}).
 * It is an {@link InvalidFieldsException} so that the kit's mapper lists the field, with its own status.
 */
public class TooLargeException extends InvalidFieldsException {

    public TooLargeException(String field, String message) {
        super(InvalidFieldsException.of(field, message).violations());
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String title() {
        return "Content Too Large";
    }
}
