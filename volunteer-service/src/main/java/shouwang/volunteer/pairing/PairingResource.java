package shouwang.volunteer.pairing;

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

import com.fasterxml.jackson.core.JsonProcessingException;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.OptionalBody;
import shouwang.volunteer.pairing.PairingDtos.EndRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingView;

@Path("/pairings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class PairingResource {

    @Inject
    PairingService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    public Response create(@Valid @NotNull PairingRequest request) {
        return service.create(request).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
            Roles.VOLUNTEER })
    public Page<PairingView> list(@QueryParam("cadreId") String cadreId, @QueryParam("volunteerId") String volunteerId,
            @QueryParam("communityCode") String communityCode, @QueryParam("status") String status,
            @QueryParam("updatedSince") String updatedSince, @BeanParam PageRequest page) {
        return service.list(QueryParams.uuid("cadreId", cadreId), QueryParams.uuid("volunteerId", volunteerId),
                QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("status", status, Pairing.Status.class),
                QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    public PairingView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    public PairingView end(@PathParam("id") String id, String body) throws JsonProcessingException {
        EndRequest request = bodies.read(body, EndRequest.class, new EndRequest(null, null));
        return service.end(QueryParams.uuid("id", id), request.endedOn(), request.reason());
    }
}
