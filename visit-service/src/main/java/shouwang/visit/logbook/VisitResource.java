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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Visits")
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
    @Operation(operationId = "logVisit", summary = "登记走访 / Log a visit",
            description = "登记一次走访 (方式、目的、健康状况、提出的需求)，可关闭对应任务；志愿者只能登记邻里层级。客户端 id 使重试安全。 / Logs a visit (channel, purpose, "
                    + "health, needs raised), which may close its task; volunteers log NEIGHBOUR-layer contacts only. "
                    + "A client id makes a retry safe.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VisitDto.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VisitDto.class)))
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
    @Operation(operationId = "listVisits", summary = "走访记录 / List visits",
            description = "调用者范围内的走访记录，可按干部、社区、层级、任务和时间筛选。 / The visits in the caller's scope, by cadre, community, layer, "
                    + "task and time.")
    public Page<VisitDto> list(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "联系层级 / Contact layer", schema = @Schema(implementation = Layer.class))
            @QueryParam("layer") String layer,
            @Parameter(description = "任务编号 (UUID) / Task id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("taskId") String taskId,
            @Parameter(description = "起始时刻 (ISO-8601) / From this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "截止时刻 (ISO-8601) / Up to this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
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
    @Operation(operationId = "getVisit", summary = "走访详情 / One visit",
            description = "一次走访记录。 / One visit.")
    public VisitDto get(
            @Parameter(description = "走访编号 (UUID) / Visit id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        Visit visit = visits.find(id).orElseThrow(() -> new NotFoundException("Visit", id));
        caller.requireVisible("Visit", id, visit.placement());
        return visits.toDto(visit);
    }
}
