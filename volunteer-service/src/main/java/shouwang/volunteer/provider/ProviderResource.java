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
import shouwang.volunteer.provider.ProviderDtos.ProviderForm;
import shouwang.volunteer.provider.ProviderDtos.ProviderView;
import shouwang.volunteer.request.ServiceType;

/** Service providers a request can be dispatched to: registered and browsed by the communities they serve. */
@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
@Tag(name = "Providers")
public class ProviderResource {

    @Inject
    ProviderService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "registerProvider", summary = "登记服务机构 / Register a provider",
            description = "登记可派单的服务机构及其服务的社区。 / Registers a service provider a request can be dispatched to, with the "
                    + "communities it serves.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProviderView.class)))
    public Response register(@Valid @NotNull ProviderForm form) {
        return service.register(form).response();
    }

    @GET
    @Operation(operationId = "listProviders", summary = "服务机构列表 / List providers",
            description = "服务某社区或提供某类服务的机构。 / The providers serving a community or offering a service type.")
    public Page<ProviderView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "服务类型 / Service type", schema = @Schema(implementation = ServiceType.class))
            @QueryParam("serviceType") String serviceType,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("serviceType", serviceType, ServiceType.class), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProvider", summary = "服务机构详情 / One provider",
            description = "一个服务机构。 / One provider.")
    public ProviderView get(
            @Parameter(description = "服务机构编号 (UUID) / Provider id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }
}
