package shouwang.kit.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place that turns exceptions into RFC 9457 problem+json. Bad input always ends as a 4xx naming the field;
 * only a genuine server fault is a 500, logged with an error id the client can quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "2";
    private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile(
            "Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        List<Problem.Violation> violations = e instanceof InvalidFieldsException invalid ? invalid.violations() : List.of();
        return respond(e.status(), e.title(), e.getMessage(), uri, violations);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(400, "Bad Request", "The request has invalid fields", uri, violations);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return respond(400, "Bad Request", "The request body names a field twice", uri,
                    List.of(new Problem.Violation(duplicate.group(1), "appears more than once")));
        }
        return respond(400, "Bad Request", "Malformed JSON: " + plain(e.getOriginalMessage()), uri,
                List.of(new Problem.Violation("body", "is not valid JSON")));
    }

    /** Jackson's limits: nesting deeper than 1,000 levels, over-long strings or numbers. */
    @ServerExceptionMapper
    public Response jsonLimits(StreamConstraintsException e, UriInfo uri) {
        String what = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        String message = what.contains("nesting") ? "is nested more than 1000 levels deep"
                : what.contains("string") ? "has a string longer than allowed"
                : what.contains("number") ? "has a number longer than allowed" : "exceeds the JSON limits";
        return respond(400, "Bad Request", "The request body " + message, uri,
                List.of(new Problem.Violation("body", message)));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Bad Request", "Malformed JSON: " + plain(e.getOriginalMessage()), uri,
                List.of(new Problem.Violation("body", "is not valid JSON")));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(400, "Bad Request", "The request body does not match the expected shape", uri,
                List.of(new Problem.Violation(pathOf(e), describe(e))));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return mismatchedInput(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return mismatchedInput(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return respond(400, "Bad Request", "The request body does not match the expected shape", uri,
                List.of(new Problem.Violation(pathOf(e), String.valueOf(cause.getMessage()))));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(400, "Bad Request", "The request body does not match the expected shape", uri,
                List.of(new Problem.Violation(pathOf(e), plain(e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this request", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        if (cause instanceof StreamConstraintsException limits) {
            return jsonLimits(limits, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return otherJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(status, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String path = uri == null ? null : uri.getPath();
        if (Failures.isInfrastructure(e)) {
            // the database is away (restart, network cut): not a bug, and the caller's retry will succeed later
            LOG.warnf("Database unavailable on %s, answered 503: %s", path, Failures.rootMessage(e));
            return Response.fromResponse(respond(503, "Service Unavailable",
                    "The service cannot reach its database just now; retry shortly", uri, List.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s", errorId, path);
        return respond(500, "Internal Server Error", "Unexpected error; quote error id " + errorId, uri, List.of());
    }

    static Response respond(int status, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : "/" + uri.getPath()
                .replaceFirst("^/", ""), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code create.request.contacts[1].phone} → {@code contacts[1].phone}: drops the Java method and parameter. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && field.length() > 0) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        String path = Failures.jsonPath(e);
        return path.isEmpty() ? "body" : path;
    }

    /**
     * A parser's message in the caller's terms: the first clause, without the parser's advice on its own settings
     * ({@code StreamReadFeature…}, {@code JsonReadFeature…}) or Java class names.
     */
    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.split("\\R", 2)[0];
        text = text.replaceAll("\\s*\\([^()]*(?:Feature|`)[^()]*\\)", "");
        int advice = text.indexOf("; ");
        if (advice > 0 && text.substring(advice).matches("(?s).*(Feature|enable|disable|`).*")) {
            text = text.substring(0, advice);
        }
        return text.replaceAll("`?[a-z]+(\\.[a-z0-9]+)+\\.([A-Z]\\w*)`?", "$2").trim();
    }

    private static String describe(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (String.valueOf(e.getOriginalMessage()).contains("year must be")) {
            return "must have a year from 1 to 9999";
        }
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target != null) {
            String expected = switch (target.getSimpleName()) {
                case "LocalDate" -> "an ISO-8601 date (YYYY-MM-DD)";
                case "OffsetDateTime", "Instant", "ZonedDateTime" -> "an ISO-8601 instant (2026-01-31T08:00:00Z)";
                case "LocalDateTime" -> "an ISO-8601 date-time";
                case "Duration" -> "an ISO-8601 duration (PT24H)";
                case "UUID" -> "a UUID";
                case "int", "Integer", "long", "Long" -> "an integer";
                case "boolean", "Boolean" -> "true or false";
                default -> "a value of type " + target.getSimpleName();
            };
            return "must be " + expected;
        }
        return plain(e.getOriginalMessage());
    }
}
