package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * The test app's OpenAPI document as kit DocumentedProblems leaves it: each operation documents the problem+json
 * answers it can give, with named examples; and each example has the shape (and, where the request decides it, the
 * very words) of what the kit's mappers and filters really answer to that request.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class DocumentedProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTES = "/api/v1/test-notes";
    private static final String SAMPLE_ID = "0b5f3c1e-8a6d-4f2a-9c47-2d1e6b7a9f30";

    private JsonNode document;

    /** Per test: RestAssured knows the test port only once the application runs, after any @BeforeAll. */
    @BeforeEach
    void readDocument() throws IOException {
        document = JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
    }

    private JsonNode responses(String method, String path) {
        return document.path("paths").path(path).path(method).path("responses");
    }

    private JsonNode example(String method, String path, String status, String name) {
        JsonNode example = responses(method, path).path(status).path("content").path("application/problem+json")
                .path("examples").path(name).path("value");
        assertThat(example.isObject()).as(method + " " + path + " " + status + " example " + name).isTrue();
        return example;
    }

    @Test
    void theProblemSchemaIsTheShapeTheKitSends() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(fieldNames(problem.path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "violations");
        assertThat(problem.path("properties").path("violations").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Violation");
        assertThat(fieldNames(document.path("components").path("schemas").path("Violation").path("properties")))
                .containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void everyOperationDocumentsItsClientErrorsAsProblemsWithExamples() {
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            for (String status : List.of("401", "403")) {
                if (!responses.has(status)) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status);
                }
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") && !response.getValue().path("content")
                        .has("application/problem+json")) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + response.getKey() + " content");
                }
            });
        }));
        assertThat(missing).isEmpty();

        // a body: 400 (a field of its own, and malformed JSON), 413, 415; no path parameter, no 404
        JsonNode write = responses("post", NOTES);
        assertThat(fieldNames(write)).contains("200", "400", "401", "403", "409", "413", "415").doesNotContain("404");
        assertThat(fieldNames(write.path("400").path("content").path("application/problem+json").path("examples")))
                .containsExactly("invalidField", "malformedJson");
        assertThat(write.path("400").path("content").path("application/problem+json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(write.path("401").path("headers").has("WWW-Authenticate")).isTrue();
        // a path parameter: 400 naming it, 404
        assertThat(fieldNames(responses("get", NOTES + "/{id}"))).contains("400", "404").doesNotContain("413", "429");
        assertThat(example("get", NOTES + "/{id}", "404", "notFound").path("instance").asText())
                .isEqualTo(NOTES + "/" + SAMPLE_ID);
        // no parameter, no body: only what the token decides
        assertThat(fieldNames(responses("get", NOTES + "/scope"))).containsExactlyInAnyOrder("200", "401", "403");
        // @RateLimited: 429 with Retry-After, found in the build's index
        JsonNode expensive = responses("get", NOTES + "/expensive");
        assertThat(fieldNames(expensive)).contains("429");
        assertThat(expensive.path("429").path("headers").has("Retry-After")).isTrue();
    }

    @Test
    void whatTheResourceDeclaresItselfIsKept() {
        JsonNode conflict = responses("post", NOTES).path("409");
        assertThat(conflict.path("description").asText()).isEqualTo("有意回滚 / Rolled back on purpose");
        JsonNode declared = example("post", NOTES, "409", "conflict");
        assertThat(declared.path("detail").asText()).isEqualTo("Rolled back on purpose");
        JsonNode scoped = responses("get", NOTES + "/scoped/{community}").path("403");
        assertThat(scoped.path("description").asText()).isEqualTo("不是本社区 / Not the caller's community");
        assertThat(scoped.path("content").path("application/problem+json").has("examples")).isFalse();
    }

    @Test
    void theBadRequestExamplesAreWhatTheMappersAnswer() throws IOException {
        String admin = TestTokens.districtAdmin();
        // a required body field left out: bean validation through ProblemMappers
        Response missingKey = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"body\":\"b\"}")
                .post(NOTES);
        assertSame(example("post", NOTES, "400", "invalidField"), missingKey, 400, true);
        Response malformed = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"key\": ")
                .post(NOTES);
        assertSame(example("post", NOTES, "400", "malformedJson"), malformed, 400, true);
        // a path parameter that is no UUID: QueryParams
        Response badId = given().auth().oauth2(admin).get(NOTES + "/not-a-uuid");
        assertSame(example("get", NOTES + "/{id}", "400", "invalidParameter"), badId, 400, true);
        // paging: PageRequest
        Response badPage = given().auth().oauth2(admin).get(NOTES + "?page=-1");
        assertSame(example("get", NOTES, "400", "invalidParameter"), badPage, 400, true);
        // a record that is not there: NotFoundException (its wording is the resource's)
        Response absent = given().auth().oauth2(admin).get(NOTES + "/" + SAMPLE_ID);
        assertSameShape(example("get", NOTES + "/{id}", "404", "notFound"), absent, 404);
    }

    @Test
    void theTokenAndScopeExamplesAreWhatTheServiceAnswers() throws IOException {
        Response noToken = given().header("Origin", "http://localhost:8080").get(NOTES + "/scope");
        assertSame(example("get", NOTES + "/scope", "401", "noToken"), noToken, 401, true);
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(noToken.header("Access-Control-Allow-Origin")).as("the console may read it")
                .isEqualTo("http://localhost:8080");
        Response emptyToken = given().header("Authorization", "Bearer  ").get(NOTES + "/scope");
        assertSame(example("get", NOTES + "/scope", "401", "noToken"), emptyToken, 401, true);
        Response badToken = given().auth().oauth2("not.a.token").get(NOTES + "/scope");
        assertSame(example("get", NOTES + "/scope", "401", "invalidToken"), badToken, 401, true);

        Response role = given().auth().oauth2(TestTokens.user("grid-worker").grids("WG001").token()).get(NOTES);
        assertSame(example("get", NOTES, "403", "role"), role, 403, true);
        Response scope = given().auth().oauth2(TestTokens.user("community-worker").communities("SQ001").token())
                .get(NOTES + "/scoped/SQ999");
        // the scope checks name what is outside (a community, a cadre): the same shape, their own words
        assertSameShape(example("get", NOTES, "403", "scope"), scope, 403);
    }

    @Test
    void theTransportExamplesAreWhatTheServiceAnswers() throws IOException {
        String admin = TestTokens.districtAdmin();
        // a body without Content-Type: ContentTypeRules (RestAssured always sends one, java.net.http does not)
        HttpResponse<String> untyped = send(HttpRequest.newBuilder(URI.create(base() + NOTES))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"body\":\"b\"}")));
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertEqualExceptInstance(example("post", NOTES, "415", "noContentType"), JSON.readTree(untyped.body()), true);

        // a declared length over the limit: TransportLimits answers before reading the body
        JsonNode tooLarge = example("post", NOTES, "413", "tooLarge");
        String answer = raw("POST " + NOTES + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (10L * 1024 * 1024 + 1) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertEqualExceptInstance(tooLarge, JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)), true);

        // past the budget of a @RateLimited endpoint: RateLimitFilter (its Retry-After varies)
        String flooder = TestTokens.named("documented-flooder").roles("district-admin").token();
        Response limited = null;
        for (int i = 0; i < 10 && (limited == null || limited.statusCode() != 429); i++) {
            limited = given().auth().oauth2(flooder).get(NOTES + "/expensive");
        }
        assertSameShape(example("get", NOTES + "/expensive", "429", "tooManyRequests"), limited, 429);
    }

    /** Status, keys and every member but those that name this request (instance; detail unless {@code words}). */
    private static void assertSame(JsonNode example, Response answer, int status, boolean words) throws IOException {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode real = JSON.readTree(answer.asString());
        if (words) {
            assertEqualExceptInstance(example, real, true);
        } else {
            assertSameShape(example, answer, status);
            assertThat(real.path("violations").path(0).path("message"))
                    .isEqualTo(example.path("violations").path(0).path("message"));
        }
    }

    private static void assertSameShape(JsonNode example, Response answer, int status) throws IOException {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode real = JSON.readTree(answer.asString());
        assertThat(fieldNames(real)).isEqualTo(fieldNames(example));
        assertThat(real.path("title")).isEqualTo(example.path("title"));
        assertThat(real.path("status")).isEqualTo(example.path("status"));
        for (int i = 0; i < real.path("violations").size(); i++) {
            assertThat(fieldNames(real.path("violations").path(i)))
                    .isEqualTo(fieldNames(example.path("violations").path(0)));
        }
    }

    private static void assertEqualExceptInstance(JsonNode example, JsonNode real, boolean sameKeys) {
        ObjectNode expected = example.deepCopy();
        ObjectNode actual = real.deepCopy();
        if (sameKeys) {
            assertThat(fieldNames(actual)).isEqualTo(fieldNames(expected));
        }
        assertThat(actual.path("instance").asText()).startsWith("/api/v1/");
        expected.remove("instance");
        actual.remove("instance");
        assertThat(actual).isEqualTo(expected);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the bytes as they are and reads until the server closes the connection. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            int length = -1;
            int headEnd = -1;
            while (headEnd < 0 || read.size() < headEnd + length) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                read.write(b);
                String sofar = read.toString(StandardCharsets.UTF_8);
                if (headEnd < 0 && sofar.endsWith("\r\n\r\n")) {
                    headEnd = read.size();
                    java.util.regex.Matcher declared = java.util.regex.Pattern
                            .compile("(?i)content-length:\\s*(\\d+)").matcher(sofar);
                    length = declared.find() ? Integer.parseInt(declared.group(1)) : 0;
                }
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
