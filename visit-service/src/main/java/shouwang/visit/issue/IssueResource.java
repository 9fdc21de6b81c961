package shouwang.visit.issue;

import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.readmodel.ReadModelService;

/** 问题清单: needs raised in visits, tracked to resolution. Items are created by {@code POST /visits}. */
@Path("/issues")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
public class IssueResource {

    @Inject
    IssueService issues;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    public Page<IssueDto> list(@QueryParam("cadreId") String cadreId, @QueryParam("communityCode") String communityCode,
            @QueryParam("ownerOrgCode") String ownerOrgCode, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        IssueService.IssueFilter filter = new IssueService.IssueFilter(QueryParams.uuid("cadreId", cadreId),
                QueryParams.text(communityCode), QueryParams.text(ownerOrgCode),
                QueryParams.enumValue("status", status, IssueItem.Status.class), QueryParams.bool("overdue", overdue),
                QueryParams.instant("updatedSince", updatedSince));
        caller.requireFilter(filter.communityCode(), null, null, readModel::communityOfGrid);
        readModel.requireOrgFilter(caller, filter.ownerOrgCode(), null);
        readModel.requireCadreFilter(filter.cadreId(), caller.caller());
        return issues.list(filter, caller.scope(), page);
    }

    @GET
    @Path("/{id}")
    public IssueDto get(@PathParam("id") String rawId) {
        return issues.view(visible(rawId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/resolve")
    public IssueDto resolve(@PathParam("id") String rawId, @Valid @NotNull ResolveRequest body) {
        IssueItem item = visible(rawId);
        caller.requireCadre(item.placement());
        return issues.resolve(item, body.resolution(), caller.username());
    }

    private IssueItem visible(String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        IssueItem item = issues.find(id).orElseThrow(() -> new NotFoundException("Issue", id));
        caller.requireVisible("Issue", id, item.placement());
        return item;
    }
}
