package shouwang.kit.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request without a valid bearer token is refused by the HTTP security layer before any resource, where Quarkus
 * answers a bare 401 with no body. Clients are promised {@code application/problem+json} for every 4xx (and the
 * OpenAPI documents say so, kit DocumentedProblems), so the 401 is answered here as a problem, keeping the
 * {@code WWW-Authenticate: Bearer} challenge RFC 6750 asks for. A refused token fails the routing context (proactive
 * authentication), which the failure handler answers. A missing one never fails it: Quarkus sends its challenge
 * straight from the permission check, so an API request without a bearer token is answered before authentication,
 * after CORS (so the console can read the answer). That is exactly what the permission check would refuse: every
 * {@code /api/} path needs an authenticated caller (kit microprofile-config, permission "api"). Why a token was
 * refused (expired, foreign audience) is not told, as Quarkus does not tell it either.
 */
@Singleton
public class UnauthenticatedAnswers {

    public static final String NO_TOKEN = "This API needs a bearer token (Authorization: Bearer …)";
    public static final String BAD_TOKEN = "The bearer token is expired, or not valid for this service";

    /**
     * Between Quarkus's CORS handler and its authentication, both registered as negative route orders (filter
     * priorities 300 and 200): DocumentedProblemsTest sees the CORS headers on this 401.
     */
    static final int BEFORE_AUTHENTICATION = -250;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(UnauthenticatedAnswers::answer);
        router.route("/api/*").order(BEFORE_AUTHENTICATION).handler(UnauthenticatedAnswers::requireBearer);
    }

    private static void requireBearer(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        if (bearer || context.request().method() == io.vertx.core.http.HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        refuse(context, NO_TOKEN);
    }

    private static void answer(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unauthenticated = failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException || failure instanceof AuthenticationCompletionException;
        if (!unauthenticated || context.response().headWritten()) {
            context.next();
            return;
        }
        refuse(context, BAD_TOKEN);
    }

    private static void refuse(RoutingContext context, String detail) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Unauthorized")
                .put("status", 401).put("detail", detail).put("instance", context.request().path());
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem.encode());
    }
}
