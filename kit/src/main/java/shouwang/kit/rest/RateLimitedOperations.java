package shouwang.kit.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * The operations ({@code "GET /api/v1/statistics"}) whose resource method or class is {@code @RateLimited}, read from
 * the build's Jandex index: the OpenAPI model does not carry the annotation, and only these answer 429.
 */
final class RateLimitedOperations {

    static final RateLimitedOperations NONE = new RateLimitedOperations(Set.of());

    private static final DotName RATE_LIMITED = DotName.createSimple("shouwang.kit.ratelimit.RateLimited");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName APPLICATION_PATH = DotName.createSimple("jakarta.ws.rs.ApplicationPath");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private final Set<String> operations;

    private RateLimitedOperations(Set<String> operations) {
        this.operations = operations;
    }

    static RateLimitedOperations of(IndexView index) {
        if (index == null) {
            return NONE;
        }
        String application = index.getAnnotations(APPLICATION_PATH).stream().findFirst()
                .map(a -> a.value().asString()).orElse("");
        Set<String> operations = new HashSet<>();
        for (AnnotationInstance limited : index.getAnnotations(RATE_LIMITED)) {
            AnnotationTarget target = limited.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                add(operations, application, target.asMethod());
            } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
                target.asClass().methods().forEach(m -> add(operations, application, m));
            }
        }
        return new RateLimitedOperations(Set.copyOf(operations));
    }

    boolean contains(String method, String path) {
        return operations.contains(method.toUpperCase(Locale.ROOT) + " " + path);
    }

    private static void add(Set<String> operations, String application, MethodInfo method) {
        ClassInfo resource = method.declaringClass();
        String relative = join(value(resource.declaredAnnotation(PATH)), value(method.declaredAnnotation(PATH)));
        for (String http : HTTP_METHODS) {
            if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                operations.add(http + " " + relative);
                operations.add(http + " " + join(application, relative));
            }
        }
    }

    private static String value(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    /** JAX-RS paths joined as the document writes them: one slash between, none at the end, no regex. */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isBlank()) {
                    path.append('/').append(segment.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").trim());
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
