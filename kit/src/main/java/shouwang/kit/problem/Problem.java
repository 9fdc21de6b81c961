package shouwang.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with a {@code violations} list naming each bad field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: {@code field} is the JSON path as the client sent it, e.g. {@code contacts[1].phone}. */
    public record Violation(String field, String message) {
    }
}
