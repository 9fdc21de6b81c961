package shouwang.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.restassured.RestAssured;

/**
 * Raw HTTP to the service under test: bytes as given, a Content-Type only when asked for, so a suite can send what no
 * well-behaved client library would (invalid UTF-8, no Content-Type, an 11 MB body).
 */
final class Wire {

    /** Words that only a stack trace or a leaked parser message would put in an answer. */
    static final List<String> INTERNALS = List.of("\tat ", "Exception:", "java.lang.", "org.hibernate",
            "io.vertx", "com.fasterxml", "StreamReadFeature", "org.postgresql", "jakarta.", "io.quarkus",
            "org.jboss");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The internals the body leaks, or null. */
        String leak() {
            for (String word : INTERNALS) {
                if (body.contains(word)) {
                    return word;
                }
            }
            return null;
        }
    }

    private Wire() {
    }

    static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    static Answer send(String method, String pathAndQuery, String token, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body());
        } catch (IOException e) {
            // The server may close a connection on a body it will not read (413): the status was still sent.
            return new Answer(-1, null, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
