package shouwang.kit.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

import shouwang.kit.problem.UnauthenticatedAnswers;

/**
 * The named examples of {@link DocumentedProblems}: each is an answer the kit really gives (ProblemMappers,
 * QueryParams, PageRequest, ContentTypeRules, TransportLimits, RateLimitFilter, UnauthenticatedAnswers), in the same
 * words, for this operation's path and one of its own fields. DocumentedProblemsTest holds them to the real answers.
 */
final class ProblemExamples {

    static final String UUID_SAMPLE = "0b5f3c1e-8a6d-4f2a-9c47-2d1e6b7a9f30";
    private static final List<String> PAGING = List.of("page", "size");

    private final OpenAPI openAPI;
    private final long bodyLimit;

    ProblemExamples(OpenAPI openAPI, long bodyLimit) {
        this.openAPI = openAPI;
        this.bodyLimit = bodyLimit;
    }

    Map<String, Example> badRequest(String path, List<Parameter> parameters, RequestBody body) {
        Map<String, Example> examples = new LinkedHashMap<>();
        String instance = instance(path, parameters);
        Parameter parameter = mostTelling(parameters);
        if (parameter != null) {
            String message = parameterMessage(parameter);
            examples.put("invalidParameter", example("参数有误 / A parameter is refused",
                    problem(400, "Bad Request", parameter.getName() + ": " + message, instance,
                            violation(parameter.getName(), message))));
        }
        MediaType json = jsonBody(body);
        if (json != null) {
            Schema schema = resolve(json.getSchema());
            String required = requiredField(schema);
            String typed = required == null ? typedField(schema) : null;
            if (required != null) {
                // @NotBlank on free text, @NotNull on anything typed (a UUID, a date, an enum, a number, a list)
                Schema property = schema.getProperties().get(required);
                Schema resolved = resolve(property);
                boolean text = resolved != null && resolved.getType() != null
                        && resolved.getType().contains(SchemaType.STRING) && typeMessage(property, false) == null;
                String message = text ? "must not be blank" : "must not be null";
                examples.put("invalidField", example("请求体字段有误 / A field of the body is refused",
                        problem(400, "Bad Request", "The request has invalid fields", instance,
                                violation(required, message))));
            } else if (typed != null) {
                examples.put("invalidField", example("请求体字段有误 / A field of the body is refused",
                        problem(400, "Bad Request", "The request body does not match the expected shape", instance,
                                violation(typed, typeMessage(schema.getProperties().get(typed), false)))));
            }
            examples.put("malformedJson", example("请求体不是 JSON / The body is not JSON",
                    problem(400, "Bad Request", "Malformed JSON: Unexpected end-of-input within/between Object "
                            + "entries", instance, violation("body", "is not valid JSON"))));
        }
        if (examples.isEmpty()) {
            examples.put("invalidBody", example("请求体有误 / The body is refused",
                    problem(400, "Bad Request", "body: must not be blank", instance,
                            violation("body", "must not be blank"))));
        }
        return examples;
    }

    Map<String, Example> unauthorized(String path, List<Parameter> parameters) {
        String instance = instance(path, parameters);
        Map<String, Example> examples = new LinkedHashMap<>();
        examples.put("noToken", example("没有令牌 / No bearer token",
                problem(401, "Unauthorized", UnauthenticatedAnswers.NO_TOKEN, instance)));
        examples.put("invalidToken", example("令牌过期或无效 / An expired or foreign token",
                problem(401, "Unauthorized", UnauthenticatedAnswers.BAD_TOKEN, instance)));
        return examples;
    }

    Map<String, Example> forbidden(String path, List<Parameter> parameters) {
        String instance = instance(path, parameters);
        Map<String, Example> examples = new LinkedHashMap<>();
        examples.put("role", example("角色不允许 / The role may not do this",
                problem(403, "Forbidden", "Your role does not allow this request", instance)));
        examples.put("scope", example("超出管辖范围 / Outside the caller's scope",
                problem(403, "Forbidden", "Outside your scope", instance)));
        return examples;
    }

    Map<String, Example> notFound(String path, List<Parameter> parameters) {
        Parameter last = null;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.PATH) {
                last = parameter;
            }
        }
        String what = recordName(path, last == null ? "" : last.getName());
        return Map.of("notFound", example("不存在或不在范围内 / Not there, or not the caller's to see",
                problem(404, "Not Found", what + " " + sample(last) + " not found", instance(path, parameters))));
    }

    Map<String, Example> tooLarge(String path, List<Parameter> parameters) {
        String detail = "The body has " + (bodyLimit + 1) + " bytes; at most " + bodyLimit + " are accepted";
        return Map.of("tooLarge", example("请求体过大 / The body is too large",
                problem(413, "Content Too Large", detail, instance(path, parameters), violation("body", detail))));
    }

    Map<String, Example> unsupportedType(String path, List<Parameter> parameters) {
        String detail = "A request with a body needs a Content-Type (application/json for JSON)";
        return Map.of("noContentType", example("缺少 Content-Type / No Content-Type",
                problem(415, "Unsupported Media Type", detail, instance(path, parameters),
                        violation("Content-Type", detail))));
    }

    Map<String, Example> tooManyRequests(String path, List<Parameter> parameters) {
        return Map.of("tooManyRequests", example("超出每分钟次数 / Over the per-minute budget",
                problem(429, "Too Many Requests", "Too many requests from you to this endpoint; try again in 12 s",
                        instance(path, parameters))));
    }

    /** A 4xx the resource declared without content: its own description (the English half) as the detail. */
    Map<String, Example> declared(String code, String description, String path, List<Parameter> parameters) {
        int status = Integer.parseInt(code);
        String title = switch (status) {
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 422 -> "Unprocessable Content";
            default -> "HTTP " + status;
        };
        String detail = description == null ? title : description.substring(description.lastIndexOf(" / ") + 1)
                .replaceFirst("^/ ", "").trim();
        return Map.of(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ""), example(description,
                problem(status, title, detail, instance(path, parameters))));
    }

    /** The parameter whose refusal says most: a typed filter of the operation's own, before paging, before text. */
    private Parameter mostTelling(List<Parameter> parameters) {
        Parameter best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Parameter parameter : parameters) {
            if (parameter.getName() == null || parameter.getIn() == Parameter.In.HEADER
                    || parameter.getIn() == Parameter.In.COOKIE) {
                continue;
            }
            boolean typed = typeMessage(parameter.getSchema(), true) != null;
            int rank = PAGING.contains(parameter.getName()) ? 2 : typed ? 1 : 3;
            if (rank < bestRank) {
                best = parameter;
                bestRank = rank;
            }
        }
        return best;
    }

    /** What QueryParams or PageRequest says when this parameter's value will not do. */
    private String parameterMessage(Parameter parameter) {
        String typed = typeMessage(parameter.getSchema(), true);
        return typed == null ? "must not contain the NUL character (U+0000)" : typed;
    }

    /**
     * What the kit says of a value that is not of this type: QueryParams and PageRequest for a parameter (with its
     * bounds), ProblemMappers for a body field (Jackson's mismatch, before any bounds); null for free text.
     */
    private String typeMessage(Schema raw, boolean bounds) {
        Schema schema = resolve(raw);
        if (schema == null) {
            return null;
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return "must be one of " + schema.getEnumeration().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        List<SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (raw != null && raw.getRef() != null && raw.getRef().endsWith("/YearMonth")) {
            return "must be a month (YYYY-MM)";
        }
        if (types.contains(SchemaType.INTEGER)) {
            BigDecimal min = schema.getMinimum();
            BigDecimal max = schema.getMaximum();
            if (bounds && min != null && max != null) {
                return "must be between " + min + " and " + max;
            }
            return bounds && min != null && min.signum() == 0 ? "must be 0 or more" : "must be an integer";
        }
        if (types.contains(SchemaType.BOOLEAN)) {
            return "must be true or false";
        }
        return switch (format) {
            case "uuid" -> "must be a UUID";
            case "date" -> "must be an ISO-8601 date (YYYY-MM-DD)";
            case "date-time" -> "must be an ISO-8601 instant (2026-01-31T08:00:00Z)";
            case "yyyy-MM" -> "must be a month (YYYY-MM)";
            default -> null;
        };
    }

    private static MediaType jsonBody(RequestBody body) {
        if (body == null || body.getContent() == null || body.getContent().getMediaTypes() == null) {
            return null;
        }
        return body.getContent().getMediaTypes().entrySet().stream().filter(e -> e.getKey().contains("json"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The first required property of the body (bean validation names it when it is left out). */
    private static String requiredField(Schema schema) {
        if (schema == null || schema.getProperties() == null || schema.getRequired() == null) {
            return null;
        }
        return schema.getRequired().stream().filter(schema.getProperties()::containsKey).findFirst().orElse(null);
    }

    /** The first property of a type Jackson checks (an enum, a UUID, a date, a number): its mismatch is named. */
    private String typedField(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return null;
        }
        return schema.getProperties().entrySet().stream().filter(p -> typeMessage(p.getValue(), false) != null)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private Schema resolve(Schema schema) {
        Schema current = schema;
        for (int hops = 0; current != null && current.getRef() != null && hops < 8; hops++) {
            String name = current.getRef().substring(current.getRef().lastIndexOf('/') + 1);
            current = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null ? null
                    : openAPI.getComponents().getSchemas().get(name);
        }
        return current;
    }

    /** The path as requested: each template parameter replaced by a value of its type. */
    private String instance(String path, List<Parameter> parameters) {
        String result = path;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.PATH) {
                result = result.replace("{" + parameter.getName() + "}", sample(parameter));
            }
        }
        return result;
    }

    private String sample(Parameter parameter) {
        Schema schema = parameter == null ? null : resolve(parameter.getSchema());
        if (schema == null) {
            return "SQ001";
        }
        if ("uuid".equals(schema.getFormat())) {
            return UUID_SAMPLE;
        }
        return schema.getType() != null && schema.getType().contains(SchemaType.INTEGER) ? "1" : "SQ001";
    }

    /** {@code /api/v1/study-sessions/{id}} → {@code Study session}, as the services' NotFoundExceptions say. */
    private static String recordName(String path, String parameter) {
        String[] segments = path.split("/");
        String collection = "Record";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}") && !segments[i - 1].startsWith("{")) {
                collection = segments[i - 1];
            }
        }
        String singular = collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
                : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        String words = singular.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Example example(String summary, Map<String, Object> value) {
        return OASFactory.createExample().summary(summary).value(value);
    }

    private static Map<String, Object> problem(int status, String title, String detail, String instance,
            Map<String, Object>... violations) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (violations.length > 0) {
            problem.put("violations", new ArrayList<>(List.of(violations)));
        }
        return problem;
    }

    private static Map<String, Object> violation(String field, String message) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }
}
