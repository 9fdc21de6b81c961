package shouwang.volunteer.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.volunteer.hours.HoursDtos.ServiceStatistics;
import shouwang.volunteer.org.OrgService;

@Path("/statistics/service")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    OrgService orgs;

    @Inject
    CallerScope caller;

    /** Verified service with {@code from <= servedOn <= to} (either bound optional), within the caller's scope. */
    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "getServiceStatistics", summary = "志愿服务统计 / Service statistics",
            description = "调用者范围内某时段已核实的志愿服务 (两端均可不填)。 / Verified service within the caller's scope served from .. to "
                    + "(either bound optional).")
    public ServiceStatistics get(
            @Parameter(description = "起始日 yyyy-MM-dd / First day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "截止日 yyyy-MM-dd / Last day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "区县代码 (GB/T 2260)，城市部署中按区筛选 / District code (GB/T 2260): one district of a city")
            @QueryParam(OrgService.DISTRICT_PARAM) String rawDistrict) {
        String district = OrgService.districtParam(rawDistrict);
        return statistics.compute(QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.text("communityCode", communityCode), orgs.districtFilter(district, caller),
                orgs.names("DISTRICT"));
    }
}
