package shouwang.kit.ratelimit;

import java.security.Principal;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import shouwang.kit.problem.Problem;

/** Applies {@link RateLimited} after authentication: the budget is the caller's (its user name), not the address's. */
public class RateLimitFilter {

    @Inject
    RateLimits limits;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, ResourceInfo resource) {
        RateLimited limited = annotation(resource);
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (limited == null || caller == null) {
            return null;
        }
        long retryAfter = limits.take(caller.getName(), limited.value());
        if (retryAfter == 0) {
            return null;
        }
        String detail = "Too many requests from you to this endpoint; try again in " + retryAfter + " s";
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(retryAfter))
                .entity(new Problem("about:blank", "Too Many Requests", 429, detail,
                        request.getUriInfo().getRequestUri().getPath(), List.of()))
                .build();
    }

    private static RateLimited annotation(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RateLimited onMethod = resource.getResourceMethod().getAnnotation(RateLimited.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RateLimited.class);
    }
}
