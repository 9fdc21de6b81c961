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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.Roles;
import shouwang.registry.XlsxMedia;

@Path("/statistics/cadres")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
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
    public Response cadres(@QueryParam("asOf") String asOf, @QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("unitCode") String unitCode,
            @QueryParam("districtCode") String districtCode, @Context HttpHeaders headers) {
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
