package shouwang.visit.coverage;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.visit.readmodel.ReadModelService;

/** 不漏一人: who in scope has not been contacted within their cadence, per layer. */
@Path("/coverage")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
public class CoverageResource {

    @Inject
    CoverageService coverage;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    public CoverageDto coverage(@QueryParam("communityCode") String rawCommunity, @QueryParam("gridCode") String rawGrid,
            @QueryParam("on") String rawOn, @BeanParam PageRequest page) {
        String community = QueryParams.text(rawCommunity);
        String grid = QueryParams.text(rawGrid);
        LocalDate on = QueryParams.date("on", rawOn);
        // Grid workers and unit liaisons may name the community their grid or retirees are in, and see their part.
        caller.requireFilter(community, grid, null, readModel::communityOfGrid);
        return coverage.coverage(caller.scope(), community, grid, on, page);
    }
}
