package shouwang.volunteer.hours;

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
import shouwang.volunteer.hours.HoursDtos.RejectRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordRequest;
import shouwang.volunteer.hours.HoursDtos.ServiceRecordView;

@Path("/service-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Service records")
public class ServiceRecordResource {

    @Inject
    ServiceRecordService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "recordService", summary = "登记服务时长 / Record service",
            description = "登记一次志愿服务及时长，待核实。 / Records a volunteer's service and its hours, to be verified.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceRecordView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceRecordView.class)))
    public Response record(@Valid @NotNull ServiceRecordRequest request) {
        return service.record(request).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "listServiceRecords", summary = "服务记录 / List service records",
            description = "调用者范围内的服务记录，可按志愿者、社区、岗位、状态和日期筛选。 / The service records in the caller's scope, by volunteer, "
                    + "community, post, status and dates.")
    public Page<ServiceRecordView> list(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("volunteerId") String volunteerId,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("postId") String postId,
            @Parameter(description = "记录状态 / Record status", schema = @Schema(implementation = ServiceRecord.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "起始日 yyyy-MM-dd / First day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "截止日 yyyy-MM-dd / Last day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.uuid("volunteerId", volunteerId),
                QueryParams.text("communityCode", communityCode),
                QueryParams.uuid("postId", postId),
                QueryParams.enumValue("status", status, ServiceRecord.Status.class), QueryParams.date("from", from),
                QueryParams.date("to", to), QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getServiceRecord", summary = "服务记录详情 / One service record",
            description = "一条服务记录。 / One service record.")
    public ServiceRecordView get(
            @Parameter(description = "服务记录编号 (UUID) / Service record id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "verifyServiceRecord", summary = "核实 / Verify",
            description = "核实服务记录，时长计入时间银行。 / Verifies the record: its hours go into the time bank.")
    public ServiceRecordView verify(
            @Parameter(description = "服务记录编号 (UUID) / Service record id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.verify(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "rejectServiceRecord", summary = "驳回 / Reject",
            description = "驳回服务记录，可附原因。 / Rejects the record, optionally with a reason.")
    public ServiceRecordView reject(
            @Parameter(description = "服务记录编号 (UUID) / Service record id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RejectRequest.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        RejectRequest request = bodies.read(body, headers, RejectRequest.class, new RejectRequest(null));
        return service.reject(QueryParams.uuid("id", id), request.reason());
    }
}
