package shouwang.visit.coverage;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.Xlsx;
import shouwang.visit.org.OrgService;
import shouwang.visit.readmodel.ReadModelService;

/** 不漏一人: who in scope has not been contacted within their cadence, per layer. */
@Path("/coverage")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Coverage")
public class CoverageResource {

    @Inject
    CoverageService coverage;

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @Inject
    OrgService orgs;

    @Inject
    shouwang.kit.clock.Clock clock;

    /** JSON, or the same page as XLSX (未按时走访名单) when the caller asks for it. */
    @GET
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @jakarta.ws.rs.Produces({ jakarta.ws.rs.core.MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE })
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    mediaType = jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            implementation = CoverageDto.class)))
    @Operation(operationId = "getCoverage", summary = "不漏一人 / Coverage",
            description = "调用者范围内各层级未按走访周期联系的人 (按社区、网格)；Accept 为 XLSX 时返回未按时走访名单。 / Who in scope has not been contacted "
                    + "within their cadence, per layer (by community and grid); the same page as XLSX (未按时走访名单) when "
                    + "Accept asks for it.")
    public jakarta.ws.rs.core.Response coverage(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String rawCommunity,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String rawGrid,
            @Parameter(description = "日期 yyyy-MM-dd，默认今天 / Day yyyy-MM-dd, default today", schema = @Schema(format = "date"))
            @QueryParam("on") String rawOn,
            @Parameter(description = "区县代码 (GB/T 2260)，城市部署中按区筛选 / District code (GB/T 2260): one district of a city")
            @QueryParam(OrgService.DISTRICT_PARAM) String rawDistrict,
            @BeanParam PageRequest page,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        String community = QueryParams.text(rawCommunity);
        String grid = QueryParams.text(rawGrid);
        LocalDate on = QueryParams.date("on", rawOn);
        // Grid workers and unit liaisons may name the community their grid or retirees are in, and see their part.
        String district = OrgService.districtParam(rawDistrict);
        caller.requireFilter(community, grid, null, readModel::communityOfGrid);
        CoverageDto answer = coverage.coverage(caller.scope(), community, grid, district,
                orgs.districtFilter(district, caller), on, page);
        if (!Xlsx.asked(headers)) {
            return jakarta.ws.rs.core.Response.ok(answer, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
        }
        jakarta.ws.rs.core.StreamingOutput body = out -> CoverageWorkbook.write(answer, clock.zone(), out);
        return jakarta.ws.rs.core.Response.ok(body, Xlsx.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"coverage-" + answer.on() + ".xlsx\"").build();
    }
}
