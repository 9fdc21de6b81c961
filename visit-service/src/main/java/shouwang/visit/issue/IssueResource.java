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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Issues")
public class IssueResource {

    @Inject
    IssueService issues;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "listIssues", summary = "问题清单 / List issues",
            description = "走访中提出的需求，跟踪到解决；可按干部、社区、责任组织、状态、是否逾期筛选。 / Needs raised in visits, tracked to resolution; by "
                    + "cadre, community, owner org, status and overdue.")
    public Page<IssueDto> list(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "责任组织代码 / Owner org code") @QueryParam("ownerOrgCode") String ownerOrgCode,
            @Parameter(description = "问题状态 / Issue status", schema = @Schema(implementation = IssueItem.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "true：只看逾期的 / true: overdue ones only", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
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
    @Operation(operationId = "getIssue", summary = "问题详情 / One issue",
            description = "问题清单中的一项。 / One item of the issue list.")
    public IssueDto get(
            @Parameter(description = "问题编号 (UUID) / Issue id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        return issues.view(visible(rawId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/resolve")
    @Operation(operationId = "resolveIssue", summary = "办结问题 / Resolve an issue",
            description = "登记问题的办理结果并办结。 / Records how the issue was resolved and closes it.")
    public IssueDto resolve(
            @Parameter(description = "问题编号 (UUID) / Issue id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId,
            @Valid @NotNull ResolveRequest body) {
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
