package shouwang.visit.logbook;

import java.net.URI;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.Layer;
import shouwang.visit.readmodel.ReadModelService;

/** 走访记录. Volunteers may log NEIGHBOUR-layer contacts; staff log any layer inside their scope. */
@Path("/visits")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
public class VisitResource {

    @Inject
    VisitService visits;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
            Roles.STREET_OFFICER, Roles.VOLUNTEER })
    public Response log(@NotNull @Valid VisitRequest body) {
        Saved<VisitDto> logged;
        try {
            logged = visits.log(body, caller.caller());
        } catch (jakarta.persistence.PersistenceException e) {
            // Two retries of one offline visit racing each other: the loser finds the winner's row.
            if (body.id() == null || visits.find(body.id()).isEmpty()) {
                throw e;
            }
            logged = visits.log(body, caller.caller());
        }
        Response response = logged.response();
        return logged.created()
                ? Response.fromResponse(response).location(URI.create("/api/v1/visits/" + logged.body().id())).build()
                : response;
    }

    @GET
    public Page<VisitDto> list(@QueryParam("cadreId") String cadreId, @QueryParam("communityCode") String communityCode,
            @QueryParam("layer") String layer, @QueryParam("taskId") String taskId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("updatedSince") String updatedSince, @BeanParam PageRequest page) {
        VisitService.VisitFilter filter = new VisitService.VisitFilter(QueryParams.uuid("cadreId", cadreId),
                QueryParams.text(communityCode), QueryParams.enumValue("layer", layer, Layer.class),
                QueryParams.uuid("taskId", taskId), QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.instant("updatedSince", updatedSince));
        caller.requireFilter(filter.communityCode(), null, null, readModel::communityOfGrid);
        readModel.requireCadreFilter(filter.cadreId(), caller.caller());
        // a task of a cadre outside the scope is a 403 like the cadre itself, not an empty page
        if (filter.taskId() != null) {
            visits.taskPlacement(filter.taskId()).ifPresent(caller::requireCadre);
        }
        return visits.list(filter, caller.scope(), page);
    }

    @GET
    @Path("/{id}")
    public VisitDto get(@PathParam("id") String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        Visit visit = visits.find(id).orElseThrow(() -> new NotFoundException("Visit", id));
        caller.requireVisible("Visit", id, visit.placement());
        return visits.toDto(visit);
    }
}
