package shouwang.visit.task;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.Layer;
import shouwang.visit.readmodel.ReadModelService;

/** Must-visit worklists. Tasks are made from alerts and closed by visits; there is no write endpoint here. */
@Path("/tasks")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Tasks")
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "listTasks", summary = "我的任务 / Must-visit worklist",
            description = "调用者范围内的必访任务 (由预警生成、由走访关闭)，按截止时间排序。 / The must-visit tasks in the caller's scope (made from "
                    + "alerts, closed by visits), by deadline.")
    public Page<TaskDto> list(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String cadreId,
            @Parameter(description = "联系层级 / Contact layer", schema = @Schema(implementation = Layer.class))
            @QueryParam("layer") String layer,
            @Parameter(description = "负责组织代码 / Code of the org the task is for") @QueryParam("orgCode") String orgCode,
            @Parameter(description = "任务状态 / Task status", schema = @Schema(implementation = TaskStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "来源预警编号 (UUID) / Alert id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("alertId") String alertId,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "走访目的 / Visit purpose", schema = @Schema(implementation = shouwang.visit.Purpose.class))
            @QueryParam("purpose") String purpose,
            @BeanParam PageRequest page) {
        TaskService.TaskFilter filter = new TaskService.TaskFilter(QueryParams.uuid("cadreId", cadreId),
                QueryParams.enumValue("layer", layer, Layer.class), QueryParams.text(orgCode),
                QueryParams.enumValue("status", status, TaskStatus.class), QueryParams.uuid("alertId", alertId),
                QueryParams.instant("updatedSince", updatedSince),
                QueryParams.enumValue("purpose", purpose, shouwang.visit.Purpose.class));
        readModel.requireOrgFilter(caller, filter.orgCode(), filter.layer());
        readModel.requireCadreFilter(filter.cadreId(), caller.caller());
        // an alert of a cadre outside the scope is a 403 like the cadre itself, not an empty page
        if (filter.alertId() != null) {
            tasks.placementOfAlert(filter.alertId()).ifPresent(caller::requireCadre);
        }
        return tasks.list(filter, caller.scope(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "任务详情 / One task",
            description = "一个必访任务。 / One must-visit task.")
    public TaskDto get(
            @Parameter(description = "任务编号 (UUID) / Task id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        MustVisitTask task = tasks.find(id).orElseThrow(() -> new NotFoundException("Task", id));
        caller.requireVisible("Task", id, task.placement());
        return TaskDto.of(task);
    }
}
