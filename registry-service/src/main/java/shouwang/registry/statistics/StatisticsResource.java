package shouwang.registry.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.kit.ratelimit.RateLimited;

@Path("/statistics/cadres")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON })
public class StatisticsResource {

    @Inject
    StatisticsService service;

    /**
     * {@code asOf} defaults to the district's today; filters by community, grid and unit (403 outside the caller's
     * scope); always within the caller's scope.
     */
    @GET
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    public CadreStatistics cadres(@QueryParam("asOf") String asOf, @QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("unitCode") String unitCode) {
        return service.compute(QueryParams.date("asOf", asOf), QueryParams.text(communityCode),
                QueryParams.text(gridCode), QueryParams.text(unitCode));
    }
}
