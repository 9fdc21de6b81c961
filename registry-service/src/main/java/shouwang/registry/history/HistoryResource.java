package shouwang.registry.history;

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
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/** The history of a cadre (changes and unmasked ID number reads), for the district bureau only. */
@Path("/cadres/{id}/history")
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Cadre history")
public class HistoryResource {

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "listCadreHistory", summary = "干部变更记录 / A cadre's history",
            description = "干部的变更及身份证号明文查看记录，仅区局可查。 / The cadre's changes and unmasked ID number reads, for the district "
                    + "bureau only.")
    public Page<HistoryEntry> history(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "只看此动作 (如 UPDATE、ID_NUMBER_READ) / Only this action (e.g. UPDATE, ID_NUMBER_READ)")
            @QueryParam("action") String action,
            @BeanParam PageRequest page) {
        return audit.history(QueryParams.uuid("id", id), QueryParams.text(action), page, caller);
    }
}
