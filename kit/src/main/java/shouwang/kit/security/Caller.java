package shouwang.kit.security;

import java.util.Set;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.NotFoundException;

/**
 * Who asks, as a value a service checks: a REST user (from {@link CallerScope#caller()}) or the platform itself
 * (a consumer, a scheduled sweep), which sees everything. Passing it, rather than a check callback, keeps services
 * free of the resource that called them.
 */
public record Caller(String username, Scope scope, Set<String> roles) {

    public static Caller platform(String what) {
        return new Caller("platform:" + what, Scope.everything(), Set.of());
    }

    public boolean isPlatform() {
        return username.startsWith("platform:");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A change aimed outside the caller's scope: 403. */
    public void requireCadre(Placement placement) {
        if (!scope.covers(placement)) {
            throw new ForbiddenException("Outside your scope");
        }
    }

    /** A single read outside the caller's scope: 404, so a scoped user cannot probe which ids exist. */
    public void requireVisible(String what, Object id, Placement placement) {
        if (!scope.covers(placement)) {
            throw new NotFoundException(what, id);
        }
    }
}
