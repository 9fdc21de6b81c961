package shouwang.volunteer.roster;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;

@Path("/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Volunteers")
public class VolunteerResource {

    /** Registers a volunteer ahead of any claim: a cadre by id, or a resident by name and phone. */
    public record RegisterRequest(UUID id, UUID cadreId, @Size(max = 100) String volunteerName,
            @jakarta.validation.constraints.Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
            @Size(max = 64) String communityCode) {
    }

    @Inject
    VolunteerService service;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "registerVolunteer", summary = "登记志愿者 / Register a volunteer",
            description = "在认领前登记志愿者：干部按编号，居民按姓名和电话。 / Registers a volunteer ahead of any claim: a cadre by id, or a "
                    + "resident by name and phone.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VolunteerView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VolunteerView.class)))
    public Response register(@Valid @NotNull RegisterRequest request) {
        return service.register(request.id(),
                new VolunteerRef(null, request.cadreId(), request.volunteerName(), request.phone()),
                QueryParams.text(request.communityCode())).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "listVolunteers", summary = "志愿者列表 / List volunteers",
            description = "调用者范围内的志愿者，可按社区和姓名筛选。 / The volunteers in the caller's scope, by community and name.")
    public Page<VolunteerView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "姓名片段 / Part of the name") @QueryParam("q") String q,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode), QueryParams.text("q", q), page);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "getMyVolunteer", summary = "我的志愿者信息 / Me as a volunteer",
            description = "令牌对应的志愿者。 / The volunteer the token names.")
    public VolunteerView me() {
        return VolunteerView.of(service.me().orElseThrow(() -> new NotFoundException("Volunteer", "me")));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getVolunteer", summary = "志愿者详情 / One volunteer",
            description = "一名志愿者。 / One volunteer.")
    public VolunteerView get(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return VolunteerView.of(service.visible(QueryParams.uuid("id", id)));
    }
}
