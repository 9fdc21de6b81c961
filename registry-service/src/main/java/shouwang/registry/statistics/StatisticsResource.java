package shouwang.registry.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.Roles;
import shouwang.registry.XlsxMedia;

@Path("/statistics/cadres")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Statistics")
public class StatisticsResource {

    @Inject
    StatisticsService service;

    /**
     * {@code asOf} defaults to the district's today; filters by community, grid, unit and district (403 outside the
     * caller's scope; an unknown district is a 400); always within the caller's scope, so without a district the city
     * admin gets the city's total. {@code byDistrict} breaks the answer down by district. JSON, or XLSX when {@code Accept} asks for it (like the roster).
     */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, XlsxMedia.TYPE })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    // The method answers a Response (JSON or XLSX): the API description names the JSON body's schema itself, so the
    // console's generated client keeps its CadreStatistics type (one content type, or the client's type is unknown).
    @APIResponse(responseCode = "200", description = "干部统计 (JSON; XLSX 干部统计 sheet with Accept: " + XlsxMedia.TYPE
            + ") / cadre statistics", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreStatistics.class)))
    @Operation(operationId = "getCadreStatistics", summary = "干部统计 / Cadre statistics",
            description = "按职级、年龄段、离退休类别、党员、社区统计调用者范围内的干部 (可指定统计日期、区县)；Accept 为 XLSX 时返回 Excel。 / Counts the cadres in the "
                    + "caller's scope by rank, age band, retirement type, party and community (as of a date, "
                    + "optionally of a district); XLSX when Accept asks for it.")
    public Response cadres(
            @Parameter(description = "统计日期 yyyy-MM-dd，默认今天 / As-of date yyyy-MM-dd, default today", schema = @Schema(format = "date"))
            @QueryParam("asOf") String asOf,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String gridCode,
            @Parameter(description = "原工作单位代码 / Former work unit code") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "区县代码 (GB/T 2260)，如 421102 / District code (GB/T 2260), e.g. 421102")
            @QueryParam("districtCode") String districtCode,
            @Context HttpHeaders headers) {
        CadreStatistics statistics = service.compute(QueryParams.date("asOf", asOf), QueryParams.text(communityCode),
                QueryParams.text(gridCode), QueryParams.text(unitCode), QueryParams.text(districtCode));
        if (!XlsxMedia.wanted(headers)) {
            return Response.ok(statistics, MediaType.APPLICATION_JSON_TYPE).build();
        }
        var names = service.communityNames();
        StreamingOutput body = out -> StatisticsWorkbook.write(statistics, names, out);
        return Response.ok(body, XlsxMedia.TYPE).header("Content-Disposition",
                "attachment; filename=\"cadre-statistics-" + statistics.asOf() + ".xlsx\"").build();
    }
}
