package shouwang.volunteer.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.request.RequestDtos.OwnRequestForm;
import shouwang.volunteer.request.RequestDtos.RequestView;

/** A cadre's own service requests (its token's cadre_id): 点单 for itself, and what became of them. */
@Path("/me/service-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CADRE)
public class OwnRequestResource {

    @Inject
    RequestService service;

    @GET
    public Page<RequestView> list(@QueryParam("status") String status, @BeanParam PageRequest page) {
        return service.listOwn(QueryParams.enumValue("status", status, ServiceRequest.Status.class), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@Valid @NotNull OwnRequestForm form) {
        return service.openOwn(form).response();
    }
}
