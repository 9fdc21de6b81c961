package shouwang.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The service's own body limits, answered as problem+json 413 before anything is built from the body: a JSON body
 * at most {@code shouwang.registry.max-json-body} (1 MB), a file at most {@code shouwang.registry.imports.max-file-size}
 * (32 MB; the import resource also counts a file sent without a length). {@code quarkus.http.limits.max-body-size}
 * (200 MB) stays the transport's last resort above them: beyond it Vert.x answers a bare 413.
 */
public class BodyLimits {

    private static final int DRAIN_BUFFER = 64 * 1024;

    @Inject
    RegistryConfig config;

    /**
     * Before a byte of the body is read: a client that waits for {@code 100 Continue} learns at once that its body
     * is too large and never sends it; the connection closes after the answer.
     */
    @ServerRequestFilter(preMatching = true)
    public void refuseAnnouncedBody(ContainerRequestContext request, HttpServerRequest http) {
        long declared = declaredLength(request);
        long limit = limit(request.getMediaType());
        if (declared > limit && "100-continue".equalsIgnoreCase(request.getHeaderString("Expect"))) {
            if (http.version() != HttpVersion.HTTP_2) {
                http.response().putHeader("Connection", "close");
                http.response().endHandler(ended -> http.connection().close());
            }
            throw tooLarge(request.getMediaType(), limit);
        }
    }

    /**
     * On the worker thread, before the body is deserialised. A body announced too large is read to its end and
     * dropped before the answer, so a client still sending it reads the 413 rather than a reset connection. A JSON
     * body without a length is read up to the limit and no further.
     */
    @ServerRequestFilter
    public void limitBody(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        long limit = limit(type);
        long declared = declaredLength(request);
        if (declared > limit) {
            drain(request.getEntityStream());
            throw tooLarge(type, limit);
        }
        if (declared < 0 && json(type) && request.getHeaderString("Transfer-Encoding") != null) {
            byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                drain(request.getEntityStream());
                throw tooLarge(type, limit);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private long limit(MediaType type) {
        return json(type) ? config.maxJsonBody().asLongValue() : config.imports().maxFileSize().asLongValue();
    }

    private static TooLargeException tooLarge(MediaType type, long limit) {
        return new TooLargeException("body", (json(type) ? "a JSON body" : "a file") + " may be at most "
                + megabytes(limit));
    }

    /** {@code 32 MB}, or the bytes when the limit is not a whole number of megabytes. */
    public static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static boolean json(MediaType type) {
        return type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json");
    }

    /** The {@code Content-Length}, or -1 when the body is sent without one (chunked) or there is none. */
    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads what is left of a body and drops it (bounded by the transport's own limit). */
    public static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER];
        while (body.read(buffer) >= 0) {
            // dropped
        }
    }
}
