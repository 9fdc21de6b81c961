package shouwang.volunteer.pairing;

import java.io.IOException;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.OptionalBody;
import shouwang.kit.security.Roles;
import shouwang.volunteer.pairing.PairingDtos.EndRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingRequest;
import shouwang.volunteer.pairing.PairingDtos.PairingView;

@Path("/pairings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Pairings")
public class PairingResource {

    @Inject
    PairingService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "createPairing", summary = "建立结对 / Pair a volunteer",
            description = "志愿者与干部结对 (邻里守望)。 / Pairs a volunteer with a cadre (neighbourhood watch).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PairingView.class)))
    public Response create(@Valid @NotNull PairingRequest request) {
        return service.create(request).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
            Roles.VOLUNTEER })
    @Operation(operationId = "listPairings", summary = "结对列表 / List pairings",
            description = "调用者范围内的结对，可按干部、志愿者、社区、状态筛选。 / The pairings in the caller's scope, by cadre, volunteer, "
                    + "community and status.")
    public Page<PairingView> list(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("volunteerId") String volunteerId,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "结对状态 / Pairing status", schema = @Schema(implementation = Pairing.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.uuid("cadreId", cadreId), QueryParams.uuid("volunteerId", volunteerId),
                QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("status", status, Pairing.Status.class),
                QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPairing", summary = "结对详情 / One pairing",
            description = "一个结对。 / One pairing.")
    public PairingView get(
            @Parameter(description = "结对编号 (UUID) / Pairing id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "endPairing", summary = "结束结对 / End a pairing",
            description = "结束结对，可附原因。 / Ends the pairing, optionally with a reason.")
    public PairingView end(
            @Parameter(description = "结对编号 (UUID) / Pairing id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndRequest.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        EndRequest request = bodies.read(body, headers, EndRequest.class, new EndRequest(null, null));
        return service.end(QueryParams.uuid("id", id), request.endedOn(), request.reason());
    }
}
