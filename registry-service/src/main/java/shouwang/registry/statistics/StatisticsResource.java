package shouwang.registry.statistics;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.registry.cadre.ScopeFilters;

@Path("/statistics/cadres")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON })
public class StatisticsResource {

    @Inject
    StatisticsService service;

    @Inject
    ScopeFilters scope;

    /** {@code asOf} defaults to today; filters by community, grid and unit; always within the caller's scope. */
    @GET
    public CadreStatistics cadres(@QueryParam("asOf") String asOf, @QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("unitCode") String unitCode) {
        LocalDate on = QueryParams.date("asOf", asOf);
        String community = blankToNull(communityCode);
        String grid = blankToNull(gridCode);
        String unit = blankToNull(unitCode);
        scope.require(community, grid, unit);
        return service.compute(on == null ? LocalDate.now() : on, community, grid, unit);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
