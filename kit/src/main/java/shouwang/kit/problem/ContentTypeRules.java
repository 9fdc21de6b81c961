package shouwang.kit.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body must say what it is: a request with a body but no {@code Content-Type} is a 415, and so is JSON in any
 * charset but UTF-8 (RFC 8259), rather than being guessed at. Spreadsheets and CSV keep their own charsets (the
 * import reads GB18030 too).
 */
public class ContentTypeRules {

    private static final List<String> WITH_BODY = List.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Response requireContentType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || !hasBody(request)) {
            return null;
        }
        String header = request.getHeaderString("Content-Type");
        if (header == null || header.isBlank()) {
            return unsupported(request, "A request with a body needs a Content-Type (application/json for JSON)");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return unsupported(request, "Content-Type is not a media type: " + header);
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        boolean json = type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json");
        if (json && charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return unsupported(request, "JSON must be UTF-8, not " + charset);
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static Response unsupported(ContainerRequestContext request, String detail) {
        return ProblemMappers.respond(415, "Unsupported Media Type", detail, request.getUriInfo(),
                List.of(new Problem.Violation("Content-Type", detail)));
    }
}
