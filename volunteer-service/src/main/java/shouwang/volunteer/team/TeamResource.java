package shouwang.volunteer.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.roster.VolunteerRef;
import shouwang.volunteer.team.TeamDtos.LeaderRequest;
import shouwang.volunteer.team.TeamDtos.TeamRequest;
import shouwang.volunteer.team.TeamDtos.TeamView;

/** Teams of a community; a partner reads none of it (every signed-in role but partner, narrower per method). */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Teams")
public class TeamResource {

    @Inject
    TeamService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "createTeam", summary = "新建志愿队 / Create a team",
            description = "新建社区的志愿服务队。 / Creates a volunteer team of a community.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamView.class)))
    public Response create(@Valid @NotNull TeamRequest request) {
        return service.create(request).response();
    }

    @GET
    @Operation(operationId = "listTeams", summary = "志愿队列表 / List teams",
            description = "调用者范围内的志愿队，可按社区、类别、成员筛选；合作方不可见。 / The teams in the caller's scope, by community, category and "
                    + "member; not for partners.")
    public Page<TeamView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "服务类别 / Service category", schema = @Schema(implementation = ServiceCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("volunteerId") String volunteerId,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("category", category, ServiceCategory.class),
                QueryParams.uuid("volunteerId", volunteerId), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTeam", summary = "志愿队详情 / One team",
            description = "一个志愿队及其成员、队长。 / One team with its members and leader.")
    public TeamView get(
            @Parameter(description = "志愿队编号 (UUID) / Team id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "addTeamMember", summary = "加入成员 / Add a member",
            description = "把志愿者加入志愿队。 / Adds a volunteer to the team.")
    public TeamView addMember(
            @Parameter(description = "志愿队编号 (UUID) / Team id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull VolunteerRef member) {
        return service.addMember(QueryParams.uuid("id", id), member);
    }

    @DELETE
    @Path("/{id}/members/{volunteerId}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "removeTeamMember", summary = "移出成员 / Remove a member",
            description = "把志愿者移出志愿队。 / Removes a volunteer from the team.")
    public TeamView removeMember(
            @Parameter(description = "志愿队编号 (UUID) / Team id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("volunteerId") String volunteerId) {
        return service.removeMember(QueryParams.uuid("id", id), QueryParams.uuid("volunteerId", volunteerId));
    }

    @PUT
    @Path("/{id}/leader")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "appointTeamLeader", summary = "任命队长 / Appoint the leader",
            description = "任命队伍成员为队长。 / Appoints a member the team's leader.")
    public TeamView appointLeader(
            @Parameter(description = "志愿队编号 (UUID) / Team id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull LeaderRequest request) {
        return service.appointLeader(QueryParams.uuid("id", id), request.volunteerId());
    }
}
