package shouwang.kit.inbox;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import shouwang.kit.problem.Failures;

/**
 * Why a record is poison, in words fit for a log line and the {@code dead-letter-reason} header: the field and the
 * kind of problem, never the record's values. A parser or database message quotes what it read ("from String
 * \"13800000000\"", "Key (phone)=(…)"), and a phone or ID number must not leave the record that carries it.
 */
public final class PoisonReasons {

    private static final int MAX = 300;
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern KEY_DETAIL = Pattern.compile("\\(([^()]*)\\)=\\([^()]*\\)");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w-])\\d{6,}[0-9Xx]?(?![\\w-])");

    private PoisonReasons() {
    }

    /** The innermost failure as {@code SimpleName: message}, a mapping failure as the field it is about. */
    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping(mapping);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        Throwable root = Failures.root(failure);
        return root.getClass().getSimpleName() + ": " + withoutValues(root.getMessage());
    }

    /** A message with its quoted literals, key details and long digit runs blanked out, and bounded. */
    public static String withoutValues(String message) {
        if (message == null) {
            return "";
        }
        String blanked = DOUBLE_QUOTED.matcher(message).replaceAll("\"…\"");
        blanked = SINGLE_QUOTED.matcher(blanked).replaceAll("'…'");
        blanked = KEY_DETAIL.matcher(blanked).replaceAll("($1)=(…)");
        blanked = LONG_NUMBER.matcher(blanked).replaceAll("…");
        blanked = blanked.replaceAll("\\s+", " ").trim();
        return blanked.length() > MAX ? blanked.substring(0, MAX) + "…" : blanked;
    }

    private static String mapping(JsonMappingException mapping) {
        String field = Failures.jsonPath(mapping);
        String problem;
        if (mapping instanceof UnrecognizedPropertyException) {
            problem = "is not a known field";
        } else if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            problem = "is not a valid " + invalid.getTargetType().getSimpleName();
        } else if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            problem = "has the wrong JSON type for " + mismatched.getTargetType().getSimpleName();
        } else {
            problem = "cannot be read (" + mapping.getClass().getSimpleName() + ")";
        }
        return field.isEmpty() ? "the data " + problem : "field " + field + " " + problem;
    }
}
