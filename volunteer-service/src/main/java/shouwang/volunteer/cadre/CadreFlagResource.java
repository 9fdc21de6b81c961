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

import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.volunteer.Rows;

/** 失独 flag of a cadre, which decides (with 孤寡 from registry) who may receive donated hours. */
@Path("/cadres/{cadreId}/flags")
@Produces(MediaType.APPLICATION_JSON)
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
    public FlagsView get(@PathParam("cadreId") String rawId) {
        CadreRef cadre = visibleCadre(rawId);
        return view(cadre, CadreFlag.findById(cadre.id));
    }

    @PUT
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public FlagsView put(@PathParam("cadreId") String rawId, @Valid @NotNull FlagsRequest request) {
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
