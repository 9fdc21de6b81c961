package shouwang.volunteer.request;

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
import shouwang.volunteer.request.RequestDtos.CompletionForm;
import shouwang.volunteer.request.RequestDtos.DispatchForm;
import shouwang.volunteer.request.RequestDtos.RatingForm;
import shouwang.volunteer.request.RequestDtos.ReasonForm;
import shouwang.volunteer.request.RequestDtos.RequestForm;
import shouwang.volunteer.request.RequestDtos.RequestView;

/** Service requests 点单 → 派单 → 接单 → 完成 (docs/volunteer-service.md "Issue 12"). */
@Path("/service-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service requests")
public class RequestResource {

    @Inject
    RequestService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.PARTNER })
    @Operation(operationId = "openServiceRequest", summary = "代为点单 / Open a service request",
            description = "工作人员为干部提出服务请求 (点单)。 / Staff open a service request for a cadre (点单).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    public Response open(@Valid @NotNull RequestForm form) {
        return service.open(form).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "listServiceRequests", summary = "服务请求列表 / List service requests",
            description = "调用者范围内的服务请求，可按社区、网格、状态、类型、干部、承接人筛选。 / The service requests in the caller's scope, by community, "
                    + "grid, status, type, cadre and assignee.")
    public Page<RequestView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String gridCode,
            @Parameter(description = "请求状态 / Request status", schema = @Schema(implementation = ServiceRequest.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "服务类型 / Service type", schema = @Schema(implementation = ServiceType.class))
            @QueryParam("serviceType") String serviceType,
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "承接人编号 (UUID) / Assignee id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("assigneeId") String assigneeId,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
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
    @Operation(operationId = "getServiceRequest", summary = "服务请求详情 / One service request",
            description = "一个服务请求及其办理经过。 / One service request with its history.")
    public RequestView get(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "dispatchServiceRequest", summary = "派单 / Dispatch",
            description = "把请求派给志愿者或服务机构 (派单)。 / Dispatches the request to a volunteer or a provider (派单).")
    public RequestView dispatch(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull DispatchForm form) {
        return service.dispatch(QueryParams.uuid("id", id), form);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "acceptServiceRequest", summary = "接单 / Accept",
            description = "承接人接单。 / The assignee accepts the request (接单).")
    public RequestView accept(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.accept(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "declineServiceRequest", summary = "拒单 / Decline",
            description = "承接人拒单，可附原因；请求回到待派单。 / The assignee declines, optionally with a reason; the request is open to "
                    + "dispatch again.")
    public RequestView decline(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReasonForm.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        ReasonForm form = bodies.read(body, headers, ReasonForm.class, new ReasonForm(null));
        return service.decline(QueryParams.uuid("id", id), form.reason());
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "completeServiceRequest", summary = "完成 / Complete",
            description = "登记服务完成，可附说明。 / Records the service done, optionally with a note.")
    public RequestView complete(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompletionForm.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        CompletionForm form = bodies.read(body, headers, CompletionForm.class, new CompletionForm(null, null));
        return service.complete(QueryParams.uuid("id", id), form);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.CADRE, Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "cancelServiceRequest", summary = "取消 / Cancel",
            description = "取消请求，可附原因。 / Cancels the request, optionally with a reason.")
    public RequestView cancel(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReasonForm.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        ReasonForm form = bodies.read(body, headers, ReasonForm.class, new ReasonForm(null));
        return service.cancel(QueryParams.uuid("id", id), form.reason());
    }

    @POST
    @Path("/{id}/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CADRE)
    @Operation(operationId = "rateServiceRequest", summary = "评价 / Rate",
            description = "对已完成的服务评分。 / Rates a completed service.")
    public RequestView rate(
            @Parameter(description = "服务请求编号 (UUID) / Service request id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull RatingForm form) {
        return service.rate(QueryParams.uuid("id", id), form);
    }
}
