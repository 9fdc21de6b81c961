package shouwang.kit.problem;

import java.util.ArrayList;
import java.util.List;

/** Bad input found by domain rules (an ID-card checksum, an unknown org code): a 400 naming each field. */
public class InvalidFieldsException extends DomainException {

    private final List<Problem.Violation> violations;

    public InvalidFieldsException(List<Problem.Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }

    private static String describe(List<Problem.Violation> violations) {
        List<String> parts = new ArrayList<>();
        for (Problem.Violation violation : violations) {
            parts.add(violation.field() + ": " + violation.message());
        }
        return String.join("; ", parts);
    }

    /** Collects violations while a whole request is checked, so the client sees every bad field at once. */
    public static final class Collector {
        private final List<Problem.Violation> violations = new ArrayList<>();

        public Collector add(String field, String message) {
            violations.add(new Problem.Violation(field, message));
            return this;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidFieldsException(violations);
            }
        }
    }
}
