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
import shouwang.volunteer.request.RequestDtos.CompletionForm;
import shouwang.volunteer.request.RequestDtos.DispatchForm;
import shouwang.volunteer.request.RequestDtos.RatingForm;
import shouwang.volunteer.request.RequestDtos.ReasonForm;
import shouwang.volunteer.request.RequestDtos.RequestForm;
import shouwang.volunteer.request.RequestDtos.RequestView;

/** Service requests 点单 → 派单 → 接单 → 完成 (docs/volunteer-service.md "Issue 12"). */
@Path("/service-requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    @Inject
    RequestService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.PARTNER })
    public Response open(@Valid @NotNull RequestForm form) {
        return service.open(form).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    public Page<RequestView> list(@QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("status") String status,
            @QueryParam("serviceType") String serviceType, @QueryParam("cadreId") String cadreId,
            @QueryParam("assigneeId") String assigneeId, @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode), QueryParams.text("gridCode", gridCode),
                QueryParams.enumValue("status", status, ServiceRequest.Status.class),
                QueryParams.enumValue("serviceType", serviceType, ServiceType.class),
                QueryParams.uuid("cadreId", cadreId), QueryParams.uuid("assigneeId", assigneeId),
                QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER, Roles.CADRE })
    public RequestView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public RequestView dispatch(@PathParam("id") String id, @Valid @NotNull DispatchForm form) {
        return service.dispatch(QueryParams.uuid("id", id), form);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public RequestView accept(@PathParam("id") String id) {
        return service.accept(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public RequestView decline(@PathParam("id") String id, String body) throws JsonProcessingException {
        ReasonForm form = bodies.read(body, ReasonForm.class, new ReasonForm(null));
        return service.decline(QueryParams.uuid("id", id), form.reason());
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public RequestView complete(@PathParam("id") String id, String body) throws JsonProcessingException {
        CompletionForm form = bodies.read(body, CompletionForm.class, new CompletionForm(null, null));
        return service.complete(QueryParams.uuid("id", id), form);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.CADRE, Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    public RequestView cancel(@PathParam("id") String id, String body) throws JsonProcessingException {
        ReasonForm form = bodies.read(body, ReasonForm.class, new ReasonForm(null));
        return service.cancel(QueryParams.uuid("id", id), form.reason());
    }

    @POST
    @Path("/{id}/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CADRE)
    public RequestView rate(@PathParam("id") String id, @Valid @NotNull RatingForm form) {
        return service.rate(QueryParams.uuid("id", id), form);
    }
}
