package shouwang.visit;

import shouwang.kit.problem.InvalidFieldsException;

/** Query parameters the kit's {@code QueryParams} does not cover. */
public final class Params {

    private Params() {
    }

    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw InvalidFieldsException.of(name, "must be true or false");
        }
        return Boolean.valueOf(raw);
    }
}
