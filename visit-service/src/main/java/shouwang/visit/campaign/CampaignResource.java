package shouwang.visit.campaign;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.Layer;
import shouwang.visit.readmodel.ReadModelService;
import shouwang.visit.task.TaskStatus;

/** Campaigns: emergency daily check-ins and greeting rounds, with their progress. */
@Path("/campaigns")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Campaigns")
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    /**
     * An admin of the whole deployment (a one-district admin, the city admin) runs campaigns anywhere; a district admin
     * of a city and a community worker only in their own communities: naming none means all of them (for a district
     * admin, the communities its districts hold at creation), so a district's "whole district" campaign never
     * reaches the city's other districts.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "createCampaign", summary = "发起专项行动 / Start a campaign",
            description = "发起应急每日联络或节日问候等专项行动。整个部署的管理员 (单区管理员、市级) 可覆盖任意社区；城市中的区级管理员和社区工作人员只能覆盖自己的社区，不指定社区即为其全部社区。 / Starts "
                    + "an emergency daily check-in or a greeting round. An admin of the whole deployment (one-district "
                    + "admin, city admin) covers any community; a district admin of a city and a community worker only "
                    + "their own (naming none means all of them).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignDto.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignDto.class)))
    public Response create(@NotNull @Valid CampaignRequest body) {
        List<String> communities = body.communityCodes() == null ? List.of()
                : body.communityCodes().stream().map(String::trim).distinct().toList();
        if (!caller.scope().districtWide()) {
            if (communities.isEmpty()) {
                communities = caller.scope().communityCodes().stream().sorted().toList();
                if (communities.isEmpty()) {
                    throw new ForbiddenException("Your scope holds no community to run a campaign in");
                }
            }
            communities.forEach(caller::requireCommunity);
        }
        Saved<CampaignDto> saved = campaigns.create(body, communities, caller.districtCodes(), caller.username());
        Response response = saved.response();
        return saved.created()
                ? Response.fromResponse(response).location(URI.create("/api/v1/campaigns/" + saved.body().id())).build()
                : response;
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "专项行动列表 / List campaigns",
            description = "调用者可见的专项行动及其状态。 / The campaigns the caller can see, with their state.")
    public List<CampaignDto> list() {
        return campaigns.list(caller.scope());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCampaign", summary = "专项行动详情 / One campaign",
            description = "一个专项行动。 / One campaign.")
    public CampaignDto get(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        return campaigns.toDto(visible(rawId));
    }

    /** Emergency mode: who has not been reached on {@code on} (default today). Greeting rounds: progress. */
    @GET
    @Path("/{id}/coverage")
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "getCampaignCoverage", summary = "专项行动进度 / Campaign coverage",
            description = "应急模式：某日 (默认今天) 尚未联系到的人；问候行动：完成进度。 / Emergency mode: who has not been reached on a day (default "
                    + "today); greeting rounds: progress.")
    public CampaignCoverageDto coverage(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId,
            @Parameter(description = "日期 yyyy-MM-dd，默认今天 / Day yyyy-MM-dd, default today", schema = @Schema(format = "date"))
            @QueryParam("on") String rawOn) {
        Campaign campaign = visible(rawId);
        return campaigns.coverage(campaign, QueryParams.date("on", rawOn), caller.scope());
    }

    /**
     * A greeting round's worklist (问候任务): the tasks in the caller's scope, by due day. {@code dueBy} narrows to
     * what is due by a day; {@code updatedSince} lets a device fetch only what changed.
     */
    @GET
    @Path("/{id}/tasks")
    @Operation(operationId = "listCampaignTasks", summary = "问候任务清单 / Campaign worklist",
            description = "问候行动在调用者范围内的任务，按到期日排序；dueBy 只看某日前到期的，updatedSince 供设备增量同步。 / A greeting round's tasks in the "
                    + "caller's scope, by due day; dueBy narrows to what is due by a day, updatedSince lets a device "
                    + "fetch only what changed.")
    public Page<CampaignTaskDto> tasks(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String gridCode,
            @Parameter(description = "联系层级 / Contact layer", schema = @Schema(implementation = Layer.class))
            @QueryParam("layer") String layer,
            @Parameter(description = "任务状态 / Task status", schema = @Schema(implementation = TaskStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "到期日不晚于 yyyy-MM-dd / Due by this day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("dueBy") String dueBy,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        Campaign campaign = visible(rawId);
        Layer parsedLayer = QueryParams.enumValue("layer", layer, Layer.class);
        TaskStatus parsedStatus = QueryParams.enumValue("status", status, TaskStatus.class);
        CampaignService.TaskFilter filter = new CampaignService.TaskFilter(QueryParams.text(communityCode),
                QueryParams.text(gridCode), parsedLayer == null ? null : parsedLayer.name(),
                parsedStatus == null ? null : parsedStatus.name(), QueryParams.date("dueBy", dueBy),
                QueryParams.instant("updatedSince", updatedSince));
        caller.requireFilter(filter.communityCode(), filter.gridCode(), null, readModel::communityOfGrid);
        return campaigns.tasks(campaign, filter, caller.scope(), page);
    }

    /** Ends the campaign early; the same roles as create, for a campaign wholly inside the caller's communities. */
    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "endCampaign", summary = "提前结束 / End a campaign",
            description = "提前结束专项行动；角色同发起，且行动须完全在调用者的社区内。 / Ends the campaign early; the same roles as create, for a "
                    + "campaign wholly inside the caller's communities.")
    public CampaignDto end(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        Campaign campaign = visible(rawId);
        requireManage(campaign.communityList());
        return campaigns.end(campaign, caller.username());
    }

    /** Changes the communities the campaign covers; both the old and the new ones must be the caller's. */
    @PUT
    @Path("/{id}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "changeCampaignScope", summary = "调整覆盖社区 / Change the communities",
            description = "调整专项行动覆盖的社区；新旧社区都须属于调用者。 / Changes the communities the campaign covers; both the old and the "
                    + "new ones must be the caller's.")
    public CampaignDto scope(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId,
            @NotNull @Valid ScopeRequest body) {
        Campaign campaign = visible(rawId);
        requireManage(campaign.communityList());
        List<String> communities = body.communityCodes().stream().map(String::trim).distinct().toList();
        requireManage(communities);
        return campaigns.changeScope(campaign, communities, caller.username());
    }

    /** The audited changes (early end, scope) in order. */
    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listCampaignHistory", summary = "变更记录 / Campaign history",
            description = "专项行动的审计变更 (提前结束、调整范围)，按时间顺序。 / The audited changes (early end, scope) in order.")
    public List<CampaignChange> history(
            @Parameter(description = "专项行动编号 (UUID) / Campaign id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        return campaigns.history(visible(rawId));
    }

    /**
     * A campaign of the whole deployment (no communities) is its admin's (one-district or city); a listed one needs
     * each community, from a district admin of a city too.
     */
    private void requireManage(List<String> communities) {
        if (caller.scope().districtWide()) {
            return;
        }
        if (communities.isEmpty()) {
            throw new ForbiddenException("A campaign of the whole deployment is the city's or a one-district admin's");
        }
        communities.forEach(caller::requireCommunity);
    }

    private Campaign visible(String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("Campaign", id));
        if (!campaigns.visible(campaign, caller.scope())) {
            throw new NotFoundException("Campaign", id);
        }
        return campaign;
    }
}
