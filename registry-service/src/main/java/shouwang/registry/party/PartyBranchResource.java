package shouwang.registry.party;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import shouwang.registry.party.PartyDtos.BranchInput;
import shouwang.registry.party.PartyDtos.BranchView;
import shouwang.registry.party.PartyDtos.MemberView;
import shouwang.registry.party.PartyDtos.SessionInput;
import shouwang.registry.party.PartyDtos.SessionView;

/** 离退休干部综合党支部: branches, their members and their study sessions (absentees get 送学上门). */
@Path("/party-branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON, Roles.STREET_OFFICER })
@Tag(name = "Party branches")
public class PartyBranchResource {

    @Inject
    PartyService service;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    @APIResponse(responseCode = "201", description = "The branch (200 when the same create is repeated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BranchView.class)))
    @Operation(operationId = "createPartyBranch", summary = "新建党支部 / Create a party branch",
            description = "新建社区或单位的党支部 (客户端 id 可选)。 / Creates a party branch of a community or of a unit (client id "
                    + "optional).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BranchView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BranchView.class)))
    public Response create(BranchInput input) {
        return service.create(input).response();
    }

    @GET
    @Operation(operationId = "listPartyBranches", summary = "党支部列表 / List party branches",
            description = "调用者范围内的党支部，按代码排序。 / The party branches in scope, by code.")
    public Page<BranchView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "原工作单位代码 / Former work unit code") @QueryParam("unitCode") String unitCode,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text(communityCode), QueryParams.text(unitCode), page);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getPartyBranch", summary = "党支部详情 / One party branch",
            description = "一个党支部及其在册党员人数。 / One party branch with its number of active members.")
    public BranchView get(@Parameter(description = "党支部代码 / Party branch code") @PathParam("code") String code) {
        return service.get(code);
    }

    @GET
    @Path("/{code}/members")
    @Operation(operationId = "listPartyBranchMembers", summary = "支部党员 / Branch members",
            description = "调用者范围内的支部党员，按姓名排序。 / The branch's members within the caller's scope, by name.")
    public Page<MemberView> members(
            @Parameter(description = "党支部代码 / Party branch code") @PathParam("code") String code,
            @BeanParam PageRequest page) {
        return service.members(code, page);
    }

    @POST
    @Path("/{code}/study-sessions")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    @APIResponse(responseCode = "201", description = "The session with its absentees (200 when repeated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    @Operation(operationId = "recordStudySession", summary = "登记组织生活 / Record a study session",
            description = "登记一次学习 (组织生活) 及参加人；其余在册党员生成送学上门任务。 / Records a study session held with its attendees; every "
                    + "other active member gets 送学上门 (study delivered at home).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    public Response hold(
            @Parameter(description = "党支部代码 / Party branch code") @PathParam("code") String code,
            SessionInput input) {
        return service.hold(code, input).response();
    }

    @GET
    @Path("/{code}/study-sessions/{id}")
    @Operation(operationId = "getStudySession", summary = "学习详情 / One study session",
            description = "一次学习及其参加和缺席人员。 / One study session with its attendees and absentees.")
    public SessionView session(
            @Parameter(description = "党支部代码 / Party branch code") @PathParam("code") String code,
            @Parameter(description = "学习编号 (UUID) / Study session id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.session(code, QueryParams.uuid("id", id));
    }

    @GET
    @Path("/{code}/study-sessions")
    @Operation(operationId = "listStudySessions", summary = "学习记录 / Study sessions",
            description = "支部的学习记录，最新在前。 / The branch's study sessions, newest first.")
    public Page<SessionView> sessions(
            @Parameter(description = "党支部代码 / Party branch code") @PathParam("code") String code,
            @BeanParam PageRequest page) {
        return service.sessions(code, page);
    }
}
