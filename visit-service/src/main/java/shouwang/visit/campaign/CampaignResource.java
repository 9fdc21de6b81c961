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

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.visit.Layer;
import shouwang.visit.readmodel.ReadModelService;
import shouwang.visit.task.TaskStatus;

/** Campaigns: emergency daily check-ins and greeting rounds, with their progress. */
@Path("/campaigns")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
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
        Saved<CampaignDto> saved = campaigns.create(body, communities, caller.username());
        Response response = saved.response();
        return saved.created()
                ? Response.fromResponse(response).location(URI.create("/api/v1/campaigns/" + saved.body().id())).build()
                : response;
    }

    @GET
    public List<CampaignDto> list() {
        return campaigns.list(caller.scope());
    }

    @GET
    @Path("/{id}")
    public CampaignDto get(@PathParam("id") String rawId) {
        return campaigns.toDto(visible(rawId));
    }

    /** Emergency mode: who has not been reached on {@code on} (default today). Greeting rounds: progress. */
    @GET
    @Path("/{id}/coverage")
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    public CampaignCoverageDto coverage(@PathParam("id") String rawId, @QueryParam("on") String rawOn) {
        Campaign campaign = visible(rawId);
        return campaigns.coverage(campaign, QueryParams.date("on", rawOn), caller.scope());
    }

    /**
     * A greeting round's worklist (问候任务): the tasks in the caller's scope, by due day. {@code dueBy} narrows to
     * what is due by a day; {@code updatedSince} lets a device fetch only what changed.
     */
    @GET
    @Path("/{id}/tasks")
    public Page<CampaignTaskDto> tasks(@PathParam("id") String rawId, @QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("layer") String layer,
            @QueryParam("status") String status, @QueryParam("dueBy") String dueBy,
            @QueryParam("updatedSince") String updatedSince, @BeanParam PageRequest page) {
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
    public CampaignDto end(@PathParam("id") String rawId) {
        Campaign campaign = visible(rawId);
        requireManage(campaign.communityList());
        return campaigns.end(campaign, caller.username());
    }

    /** Changes the communities the campaign covers; both the old and the new ones must be the caller's. */
    @PUT
    @Path("/{id}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public CampaignDto scope(@PathParam("id") String rawId, @NotNull @Valid ScopeRequest body) {
        Campaign campaign = visible(rawId);
        requireManage(campaign.communityList());
        List<String> communities = body.communityCodes().stream().map(String::trim).distinct().toList();
        requireManage(communities);
        return campaigns.changeScope(campaign, communities, caller.username());
    }

    /** The audited changes (early end, scope) in order. */
    @GET
    @Path("/{id}/history")
    public List<CampaignChange> history(@PathParam("id") String rawId) {
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
