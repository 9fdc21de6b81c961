package shouwang.registry.keyrotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.keyrotation.KeyRotationDtos.RotationStatus;

/**
 * {@code POST /admin/id-number-key/rotation}: re-encrypt every stored ID number not yet under the current key
 * version, in the background (202 with the status; 200 when nothing is left). {@code GET}: where it stands.
 * District-admin only (docs/operations.md, Rotating the ID-number key).
 */
@Path("/admin/id-number-key/rotation")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class KeyRotationResource {

    @Inject
    KeyRotationService service;

    @Inject
    CallerScope caller;

    @GET
    public RotationStatus status() {
        requireWholeDeployment();
        return service.status();
    }

    @POST
    public Response start() {
        requireWholeDeployment();
        boolean started = service.start(caller.username());
        RotationStatus status = service.status();
        return Response.status(started || status.running() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(status).build();
    }

    /** One key protects every district's numbers: the city's (or a one-district admin's) operation, 403 otherwise. */
    private void requireWholeDeployment() {
        if (!caller.scope().districtWide()) {
            throw new ForbiddenException("The ID-number key is the whole deployment's: the city rotates it");
        }
    }
}
