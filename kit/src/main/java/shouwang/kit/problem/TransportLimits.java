package shouwang.kit.problem;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The two limits a request meets before any resource: its size and the length of its URI. Vert.x would answer both
 * with a bare status (or, for a long URI, before the application sees it at all); clients are promised
 * {@code application/problem+json} for every 4xx, so these are answered here, first. The line limit of the HTTP
 * codec is raised (kit config) so that a long URI reaches this check instead of the codec's bare 414.
 */
@Singleton
public class TransportLimits {

    /** Longer than any URI a client of ours builds (the longest filter list fits in a few hundred characters). */
    static final int MAX_URI_LENGTH = 8192;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private static void check(RoutingContext context, long limit) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, 414, "URI Too Long", "The request URI has " + uri.length()
                    + " characters; at most " + MAX_URI_LENGTH + " are read", "uri");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(context, 400, "Bad Request", "Content-Length is not a number", "Content-Length");
                return;
            }
            if (declared > limit) {
                refuse(context, 413, "Content Too Large", "The body has " + declared + " bytes; at most " + limit
                        + " are accepted", "body");
                return;
            }
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail, String field) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", context.request().path())
                .put("violations", new JsonArray().add(new JsonObject().put("field", field).put("message", detail)));
        // The body is not read: the connection closes after the answer so its remainder is not taken as a request.
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
    }
}
