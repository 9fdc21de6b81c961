package shouwang.kit.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.IndexView;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import shouwang.kit.problem.Problem;

/**
 * Every operation documents the problem+json answers the kit really gives it, with a named example each, so a client
 * generated from the document knows the error shape and a reader sees what to expect: 401 and 403 where a token is
 * needed, 400 where there is a parameter or a body (the example names one of the operation's own fields, in the
 * words the kit's mappers use), 404 where the path names a record, 413 and 415 where there is a body, 429 where the
 * method is {@code @RateLimited}. A response the resource declares itself keeps its description and content; one it
 * declares without content (a 409, a 422) gets the Problem content and an example. Idempotent, so it runs at build
 * time (where the Jandex index tells it which methods are rate limited) and again at run time.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BOTH, priority = Integer.MIN_VALUE + 1)
public class DocumentedProblems implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String VIOLATION_SCHEMA = "Violation";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final long DEFAULT_BODY_LIMIT = 10L * 1024 * 1024;
    /** The descriptions Quarkus writes for the responses it adds itself (security, bean validation). */
    private static final List<String> GENERATED_DESCRIPTIONS = List.of("Not Authorized", "Not Allowed", "Bad Request");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "请求有误，violations 逐项指出字段 / Bad input: violations names each field",
            "401", "未登录或令牌无效 / No bearer token, or one that is expired or not for this service",
            "403", "角色或管辖范围不允许 / The caller's role or scope does not allow this",
            "404", "记录不存在或不在管辖范围内 / No such record, or not within the caller's scope",
            "409", "与当前状态冲突 / The request clashes with the record's current state",
            "413", "请求体过大 / The body is larger than the service accepts",
            "415", "缺少或不支持的 Content-Type / Content-Type missing or not accepted",
            "422", "暂无法处理 / Well-formed, but it cannot be acted on yet",
            "429", "请求过于频繁，见 Retry-After / Too many requests from this caller; see Retry-After");

    private final RateLimitedOperations rateLimited;

    /** At run time: the document built at build time already has the 429s. */
    public DocumentedProblems() {
        this.rateLimited = RateLimitedOperations.NONE;
    }

    /** At build time SmallRye passes the application's index. */
    public DocumentedProblems(IndexView index) {
        this.rateLimited = RateLimitedOperations.of(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addSchemas(openAPI);
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        ProblemExamples examples = new ProblemExamples(openAPI, bodyLimit());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(examples, path, method, item, operation,
                    securedByDefault));
        });
    }

    private void document(ProblemExamples examples, String path, PathItem.HttpMethod method, PathItem item,
            Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes() != null
                && !operation.getRequestBody().getContent().getMediaTypes().isEmpty();
        boolean pathParameters = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (!parameters.isEmpty() || body) {
            ensure(responses, "400", examples.badRequest(path, parameters, operation.getRequestBody()));
        }
        if (secured) {
            ensure(responses, "401", examples.unauthorized(path, parameters))
                    .addHeader("WWW-Authenticate", header("Bearer (RFC 6750)"));
            ensure(responses, "403", examples.forbidden(path, parameters));
        }
        if (pathParameters) {
            ensure(responses, "404", examples.notFound(path, parameters));
        }
        if (body) {
            ensure(responses, "413", examples.tooLarge(path, parameters));
            ensure(responses, "415", examples.unsupportedType(path, parameters));
        }
        if (rateLimited.contains(method.name(), path)) {
            ensure(responses, "429", examples.tooManyRequests(path, parameters))
                    .addHeader("Retry-After", header("再试前等待的秒数 / Seconds to wait before trying again"));
        }
        // responses the resource declared without content (a 409 of its own, a 422): the Problem and an example
        for (Map.Entry<String, APIResponse> declared : responses.getAPIResponses().entrySet()) {
            String code = declared.getKey();
            if (code.length() == 3 && code.charAt(0) == '4' && !hasContent(declared.getValue())) {
                ensure(responses, code, examples.declared(code, declared.getValue().getDescription(), path, parameters));
            }
        }
    }

    /**
     * The response for {@code code} with the Problem content and {@code example}, keeping whatever the resource or
     * an earlier run put there: a description of its own, and content it declared.
     */
    private static APIResponse ensure(APIResponses responses, String code, Map<String, Example> example) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, response);
        }
        if (response.getDescription() == null || GENERATED_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, "客户端错误 / Client error"));
        }
        if (!hasContent(response)) {
            MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
            example.forEach(problem::addExample);
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        }
        return response;
    }

    private static boolean hasContent(APIResponse response) {
        Content content = response.getContent();
        return content != null && content.getMediaTypes() != null && !content.getMediaTypes().isEmpty();
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    /** The Problem and Violation schemas, as {@link Problem} is serialised (empty members left out). */
    private static void addSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(VIOLATION_SCHEMA)) {
            components.addSchema(VIOLATION_SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("一个有误的字段 / One bad field")
                    .addProperty("field", string("字段的 JSON 路径或参数名，如 contacts[1].phone / The field's JSON path "
                            + "as sent, or the parameter's name, e.g. contacts[1].phone"))
                    .addProperty("message", string("错在哪里 / What is wrong with it"))
                    .addRequired("field").addRequired("message"));
        }
        if (components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("问题类型，目前总是 about:blank / The problem type; about:blank throughout")
                .format("uri-reference").defaultValue("about:blank"));
        properties.put("title", string("HTTP 状态的短语 / The status's reason phrase, e.g. Bad Request"));
        properties.put("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                .description("HTTP 状态码 / The HTTP status code"));
        properties.put("detail", string("这一次的说明 / What went wrong this time, in words"));
        properties.put("instance", string("请求的路径 / The path that was requested").format("uri-reference"));
        properties.put("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                .description("有误的字段 (400、413、415、422)；没有则省略 / The bad fields (400, 413, 415, 422); "
                        + "left out when there are none")
                .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION_SCHEMA)));
        components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 问题详情 / RFC 9457 problem details, as every 4xx and 5xx is answered")
                .properties(properties).addRequired("type").addRequired("title").addRequired("status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    /** The body limit the service's TransportLimits enforces (its config, read at build time). */
    private static long bodyLimit() {
        try {
            Optional<String> configured = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.limits.max-body-size", String.class);
            return configured.map(DocumentedProblems::bytes).orElse(DEFAULT_BODY_LIMIT);
        } catch (RuntimeException e) {
            return DEFAULT_BODY_LIMIT;
        }
    }

    /** {@code 200M}, {@code 10240K}, {@code 1G} or plain bytes, as Quarkus's MemorySize reads them. */
    static long bytes(String size) {
        String value = size.trim().toUpperCase(java.util.Locale.ROOT);
        long factor = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = factor == 1 ? value : value.substring(0, value.length() - 1);
        try {
            return Long.parseLong(digits.trim()) * factor;
        } catch (NumberFormatException e) {
            return DEFAULT_BODY_LIMIT;
        }
    }
}
