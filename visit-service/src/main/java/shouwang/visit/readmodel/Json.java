package shouwang.visit.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading event data: a missing required field or a malformed value is an {@link IllegalArgumentException}, which
 * the kit's receiver treats as a poison record (DLQ) rather than retrying it forever.
 */
public final class Json {

    private Json() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : UUID.fromString(value);
    }

    public static UUID requiredUuid(JsonNode node, String field) {
        UUID value = uuid(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    public static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 date: " + value, e);
        }
    }

    public static Instant requiredInstant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + value, e);
        }
    }
}
