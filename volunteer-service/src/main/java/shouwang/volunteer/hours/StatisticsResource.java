package shouwang.volunteer.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.Roles;
import shouwang.volunteer.hours.HoursDtos.ServiceStatistics;

@Path("/statistics/service")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    /** Verified service with {@code from <= servedOn <= to} (either bound optional), within the caller's scope. */
    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    public ServiceStatistics get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("communityCode") String communityCode) {
        return statistics.compute(QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.text("communityCode", communityCode));
    }
}
