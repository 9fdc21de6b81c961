package shouwang.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Parses query and path parameters with a 400 naming the parameter. JAX-RS would answer a failed conversion of a
 * typed parameter with a bare 404, which tells a client nothing.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(name, "must be an ISO-8601 date (YYYY-MM-DD)");
        }
        return requireYear(name, date.getYear(), date);
    }

    public static YearMonth month(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(name, "must be a month (YYYY-MM)");
        }
        return requireYear(name, month.getYear(), month);
    }

    public static Instant instant(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(name, "must be an ISO-8601 instant (2026-01-31T08:00:00Z)");
        }
        return requireYear(name, instant.getYear(), instant.toInstant());
    }

    public static UUID uuid(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of(name, "must be a UUID");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Integer integer(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidFieldsException.of(name, "must be an integer");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public static Boolean bool(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidFieldsException.of(name, "must be true or false");
        };
    }

    /** A code or free-text filter: blank means not given. */
    public static String text(String raw) {
        return blank(raw) ? null : raw.trim();
    }

    /** Like {@link #text(String)}, refusing U+0000 (no store can hold it) with a 400 naming the parameter. */
    public static String text(String name, String raw) {
        String text = text(raw);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw InvalidFieldsException.of(name, "must not contain the NUL character (U+0000)");
        }
        return text;
    }

    /** Years every client and PostgreSQL can hold: 1 to 9999 (no year 0, no 2 BC, no +999999999). */
    private static <T> T requireYear(String name, int year, T value) {
        if (year < 1 || year > 9999) {
            throw InvalidFieldsException.of(name, "must have a year from 1 to 9999");
        }
        return value;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
