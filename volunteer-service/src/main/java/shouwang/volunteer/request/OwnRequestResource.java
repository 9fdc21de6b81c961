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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "My service requests")
public class OwnRequestResource {

    @Inject
    RequestService service;

    @GET
    @Operation(operationId = "listMyServiceRequests", summary = "我的点单 / My service requests",
            description = "干部本人 (令牌中的 cadre_id) 的服务请求及其办理情况。 / The cadre's own service requests (the token's cadre_id) and "
                    + "what became of them.")
    public Page<RequestView> list(
            @Parameter(description = "请求状态 / Request status", schema = @Schema(implementation = ServiceRequest.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return service.listOwn(QueryParams.enumValue("status", status, ServiceRequest.Status.class), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openMyServiceRequest", summary = "我要点单 / Request a service",
            description = "干部本人提出服务请求 (点单)。 / The cadre requests a service for itself (点单).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)))
    public Response open(@Valid @NotNull OwnRequestForm form) {
        return service.openOwn(form).response();
    }
}
