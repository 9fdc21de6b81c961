package shouwang.volunteer.cadre;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.volunteer.Rows;

/** 失独 flag of a cadre, which decides (with 孤寡 from registry) who may receive donated hours. */
@Path("/cadres/{cadreId}/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cadre flags")
public class CadreFlagResource {

    public record FlagsRequest(@NotNull Boolean bereavedOnlyChild) {
    }

    public record FlagsView(UUID cadreId, boolean bereavedOnlyChild, boolean widowedChildless,
            boolean mayReceiveDonatedHours, String flaggedBy, Instant flaggedAt) {
    }

    @Inject
    CadreDirectory directory;

    @Inject
    CallerScope callerScope;

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON })
    @Operation(operationId = "getCadreFlags", summary = "干部标记 / A cadre's flags",
            description = "干部的失独标记 (与登记系统的孤寡一起决定能否接受捐赠时长)。 / The cadre's 失独 flag (with 孤寡 from registry it decides who may "
                    + "receive donated hours).")
    public FlagsView get(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("cadreId") String rawId) {
        CadreRef cadre = visibleCadre(rawId);
        return view(cadre, CadreFlag.findById(cadre.id));
    }

    @PUT
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "putCadreFlags", summary = "设置干部标记 / Set a cadre's flags",
            description = "设置干部的失独标记。 / Sets the cadre's 失独 flag.")
    public FlagsView put(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("cadreId") String rawId,
            @Valid @NotNull FlagsRequest request) {
        CadreRef cadre = visibleCadre(rawId);
        callerScope.requireCommunity(cadre.placement().communityCode);
        CadreFlag flag = directory.flagBereavedOnlyChild(cadre.id, request.bereavedOnlyChild(), callerScope.username());
        return view(cadre, flag);
    }

    private CadreRef visibleCadre(String rawId) {
        CadreRef cadre = Rows.require(CadreRef.class, "Cadre", QueryParams.uuid("cadreId", rawId));
        callerScope.requireVisible("Cadre", cadre.id, cadre.placement());
        return cadre;
    }

    private FlagsView view(CadreRef cadre, CadreFlag flag) {
        return new FlagsView(cadre.id, directory.isBereavedOnlyChild(cadre),
                cadre.categories().contains(CadreDirectory.WIDOWED_CHILDLESS), directory.mayReceiveDonatedHours(cadre),
                flag == null ? null : flag.flaggedBy, flag == null ? null : flag.flaggedAt);
    }
}
