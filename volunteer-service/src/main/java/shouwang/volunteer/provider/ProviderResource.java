package shouwang.volunteer.provider;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.provider.ProviderDtos.ProviderForm;
import shouwang.volunteer.provider.ProviderDtos.ProviderView;
import shouwang.volunteer.request.ServiceType;

/** Service providers a request can be dispatched to: registered and browsed by the communities they serve. */
@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
public class ProviderResource {

    @Inject
    ProviderService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Response register(@Valid @NotNull ProviderForm form) {
        return service.register(form).response();
    }

    @GET
    public Page<ProviderView> list(@QueryParam("communityCode") String communityCode,
            @QueryParam("serviceType") String serviceType, @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("serviceType", serviceType, ServiceType.class), page);
    }

    @GET
    @Path("/{id}")
    public ProviderView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }
}
