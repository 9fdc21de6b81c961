package shouwang.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A service's OpenAPI document as the suites read it: every operation with its parameters, its JSON body schema and
 * the roles its security requirement names (Quarkus derives those from {@code @RolesAllowed}). Reading the document
 * the service serves, rather than a list in the test, is what keeps a new endpoint from escaping the suites.
 */
public final class ApiDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    private ApiDescription(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(new Operation(this, method.toUpperCase(Locale.ROOT), path.getKey(), op));
                }
            }
        });
    }

    /** Reads {@code /q/openapi} of the service listening on {@code baseUrl}. */
    public static ApiDescription of(String baseUrl) {
        try {
            // HTTP/1.1 as Wire sends: the default client tries an h2c upgrade, which the server sometimes answered
            // mid-suite with a frame the client refused ("Frame type(32) … exceeds MAX_FRAME_SIZE"), a flaky test
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + answer.statusCode());
            }
            return new ApiDescription(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** Follows {@code $ref}s (a few levels: the documents here have no recursive schemas). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 8 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** One operation of the document. */
    public static final class Operation {

        private final ApiDescription description;
        private final String method;
        private final String path;
        private final JsonNode node;

        Operation(ApiDescription description, String method, String path, JsonNode node) {
            this.description = description;
            this.method = method;
            this.path = path;
            this.node = node;
        }

        public String method() {
            return method;
        }

        /** The path template, e.g. {@code /api/v1/alerts/{id}}. */
        public String path() {
            return path;
        }

        /** {@code "GET /api/v1/alerts/{id}"}: how the access table and reports name it. */
        public String key() {
            return method + " " + path;
        }

        public List<String> pathParameters() {
            return parameters("path");
        }

        public List<String> queryParameters() {
            return parameters("query");
        }

        private List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            for (JsonNode parameter : node.path("parameters")) {
                JsonNode resolved = description.resolve(parameter);
                if (in.equals(resolved.path("in").asText())) {
                    names.add(resolved.path("name").asText());
                }
            }
            return names;
        }

        /**
         * The roles it admits: its {@code x-roles} (kit DocumentedRoles moves them there from the scopes of the
         * security requirement, where Quarkus writes them), else those scopes; empty when the operation names none.
         */
        public Set<String> roles() {
            Set<String> roles = new LinkedHashSet<>();
            node.path("x-roles").forEach(r -> roles.add(r.asText()));
            if (!roles.isEmpty()) {
                return roles;
            }
            for (JsonNode requirement : node.path("security")) {
                requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
            }
            return roles;
        }

        /** The media types its request body may have; empty when it takes none. */
        public Set<String> bodyTypes() {
            Set<String> types = new LinkedHashSet<>();
            node.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        /** Whether the body may be left out (an action's options: {@code requestBody.required} false). */
        public boolean bodyOptional() {
            return node.path("requestBody").has("required") && !node.path("requestBody").path("required").asBoolean();
        }

        public boolean takesJson() {
            return bodyTypes().stream().anyMatch(t -> t.contains("json"));
        }

        /** The resolved schema of its JSON body, or a missing node. */
        public JsonNode jsonBodySchema() {
            Iterator<Map.Entry<String, JsonNode>> content = node.path("requestBody").path("content").fields();
            while (content.hasNext()) {
                Map.Entry<String, JsonNode> type = content.next();
                if (type.getKey().contains("json")) {
                    return description.resolve(type.getValue().path("schema"));
                }
            }
            return MissingNode.getInstance();
        }

        JsonNode resolve(JsonNode schema) {
            return description.resolve(schema);
        }

        /** The path with each parameter replaced, already percent-encoded by the caller where needed. */
        public String pathWith(Map<String, String> values) {
            String result = path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                result = result.replace("{" + value.getKey() + "}", value.getValue());
            }
            return result;
        }

        @Override
        public String toString() {
            return key();
        }
    }
}
