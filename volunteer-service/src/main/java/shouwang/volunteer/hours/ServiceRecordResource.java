package shouwang.volunteer.hours;

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
import shouwang.volunteer.hours.HoursDtos.RejectRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordView;

@Path("/service-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class ServiceRecordResource {

    @Inject
    ServiceRecordService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public Response record(@Valid @NotNull ServiceRecordRequest request) {
        return service.record(request).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public Page<ServiceRecordView> list(@QueryParam("volunteerId") String volunteerId,
            @QueryParam("communityCode") String communityCode, @QueryParam("postId") String postId,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("updatedSince") String updatedSince, @BeanParam PageRequest page) {
        return service.list(QueryParams.uuid("volunteerId", volunteerId),
                QueryParams.text("communityCode", communityCode),
                QueryParams.uuid("postId", postId),
                QueryParams.enumValue("status", status, ServiceRecord.Status.class), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    public ServiceRecordView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public ServiceRecordView verify(@PathParam("id") String id) {
        return service.verify(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public ServiceRecordView reject(@PathParam("id") String id, String body) throws JsonProcessingException {
        RejectRequest request = bodies.read(body, RejectRequest.class, new RejectRequest(null));
        return service.reject(QueryParams.uuid("id", id), request.reason());
    }
}
