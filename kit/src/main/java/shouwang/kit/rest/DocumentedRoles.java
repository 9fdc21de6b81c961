package shouwang.kit.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Quarkus writes an operation's {@code @RolesAllowed} roles as the scopes of its security requirement. Scopes belong
 * to OAuth2 flows; on the http bearer scheme the services declare, they are undefined (Spectral's
 * oas3-operation-security-defined), and a generated client cannot use them. The document therefore says "bearer
 * token" plainly and lists the roles in an {@code x-roles} extension, which a frontend can read and the access-matrix
 * suites (kit ApiDescription) check against access-matrix.tsv. Runs last, after Quarkus has added the security requirements.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BOTH, priority = Integer.MIN_VALUE)
public class DocumentedRoles implements OASFilter {

    public static final String EXTENSION = "x-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(DocumentedRoles::rolesAsExtension);
            }
        }
    }

    private static void rolesAsExtension(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> plain = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            SecurityRequirement scheme = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((name, scopes) -> {
                if (scopes != null) {
                    roles.addAll(scopes);
                }
                scheme.addScheme(name);
            });
            plain.add(scheme);
        }
        operation.setSecurity(plain);
        if (!roles.isEmpty()) {
            operation.addExtension(EXTENSION, List.copyOf(roles));
        }
    }
}
