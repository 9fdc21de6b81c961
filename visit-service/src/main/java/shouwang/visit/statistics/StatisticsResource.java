package shouwang.visit.statistics;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.Xlsx;
import shouwang.visit.org.OrgService;
import shouwang.visit.readmodel.ReadModelService;

/** {@code GET /statistics/visits?from=&to=&communityCode=&districtCode=}: JSON, or XLSX when the caller asks for it. */
@Path("/statistics/visits")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Statistics")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @Inject
    OrgService orgs;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            implementation = VisitStatistics.class)))
    @Operation(operationId = "getVisitStatistics", summary = "走访统计 / Visit statistics",
            description = "某时段内调用者范围内按社区、层级统计的走访次数；Accept 为 XLSX 时返回 Excel。 / Visits in the caller's scope over a period, "
                    + "by community and layer; XLSX when Accept asks for it.")
    public Response visits(
            @Parameter(description = "起始日 yyyy-MM-dd / First day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "截止日 yyyy-MM-dd / Last day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "区县代码 (GB/T 2260)，城市部署中按区筛选 / District code (GB/T 2260): one district of a city")
            @QueryParam(OrgService.DISTRICT_PARAM) String rawDistrict,
            @Context HttpHeaders headers) {
        String community = QueryParams.text(communityCode);
        String district = OrgService.districtParam(rawDistrict);
        caller.requireFilter(community, null, null, readModel::communityOfGrid);
        VisitStatistics report = statistics.visits(QueryParams.date("from", from), QueryParams.date("to", to),
                community, district, orgs.districtFilter(district, caller), caller.scope());
        if (!Xlsx.asked(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> StatisticsWorkbook.write(report, out);
        return Response.ok(body, Xlsx.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"visit-statistics-" + report.from() + "-" + report.to() + ".xlsx\"").build();
    }
}
