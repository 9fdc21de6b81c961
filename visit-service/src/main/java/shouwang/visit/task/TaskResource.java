package shouwang.visit.task;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

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
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    public Page<TaskDto> list(@QueryParam("cadreId") String cadreId, @QueryParam("layer") String layer,
            @QueryParam("orgCode") String orgCode, @QueryParam("status") String status,
            @QueryParam("alertId") String alertId, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("purpose") String purpose, @BeanParam PageRequest page) {
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
    public TaskDto get(@PathParam("id") String rawId) {
        UUID id = QueryParams.uuid("id", rawId);
        MustVisitTask task = tasks.find(id).orElseThrow(() -> new NotFoundException("Task", id));
        caller.requireVisible("Task", id, task.placement());
        return TaskDto.of(task);
    }
}
