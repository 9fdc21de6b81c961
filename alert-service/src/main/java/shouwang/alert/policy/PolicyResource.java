package shouwang.alert.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

@Path("/escalation-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    CallerScope caller;

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.PARTNER })
    public PolicyDocument read() {
        return service.document(service.current());
    }

    @PUT
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public PolicyDocument change(@Valid @NotNull PolicyDocument body) {
        return service.document(service.change(body.kinds(), caller.username()));
    }
}
