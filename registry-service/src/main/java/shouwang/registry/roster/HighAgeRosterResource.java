package shouwang.registry.roster;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * {@code GET /reports/high-age-subsidy?month=YYYY-MM} (default: the district's current month): JSON, or XLSX when the
 * client asks for the XLSX type.
 */
@Path("/reports/high-age-subsidy")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Reports")
public class HighAgeRosterResource {

    static final String XLSX = XlsxMedia.TYPE;

    @Inject
    HighAgeRosterService service;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, XLSX })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    @Operation(operationId = "getHighAgeRoster", summary = "高龄津贴名单 / High-age subsidy roster",
            description = "某月的 80 岁以上高龄津贴名单及与上月的变化；Accept 为 XLSX 时返回 Excel。 / The month's 80+ high-age subsidy roster and "
                    + "its changes against the month before; XLSX when Accept asks for it.")
    @APIResponse(responseCode = "200", description = "名单 (JSON；Accept 为 XLSX 时为 Excel) / the roster (JSON; XLSX with that Accept)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HighAgeRoster.class)))
    public Response roster(
            @Parameter(description = "月份 yyyy-MM，默认本区当月 / Month yyyy-MM, default the district's current month", schema = @Schema(format = "yyyy-MM"))
            @QueryParam("month") String month,
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Context HttpHeaders headers) {
        YearMonth parsed = QueryParams.month("month", month);
        String community = QueryParams.text(communityCode);
        boolean xlsx = XlsxMedia.wanted(headers);
        HighAgeRoster roster = service.roster(parsed, community, "GET /reports/high-age-subsidy" + (xlsx ? " (xlsx)" : ""));
        return answer(roster, xlsx);
    }

    /**
     * Freezes the month's list (the list that goes to payment): the month then answers that list, and the next
     * month's changes are counted against it. District-admin only; a month is frozen once (then 409).
     */
    @POST
    @Path("/freeze")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Produces({ MediaType.APPLICATION_JSON, XLSX })
    @Operation(operationId = "freezeHighAgeRoster", summary = "冻结当月名单 / Freeze the month's roster",
            description = "冻结当月名单 (送发放的名单)，此后该月返回冻结的名单；每月只能冻结一次 (再次为 409)，仅区局。 / Freezes the month's list (the one that "
                    + "goes to payment): the month then answers that list; once per month (then 409), district admin "
                    + "only.")
    @APIResponse(responseCode = "200", description = "冻结的名单 / the frozen roster",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HighAgeRoster.class)))
    public Response freeze(
            @Parameter(description = "月份 yyyy-MM，默认本区当月 / Month yyyy-MM, default the district's current month", schema = @Schema(format = "yyyy-MM"))
            @QueryParam("month") String month,
            @Context HttpHeaders headers) {
        HighAgeRoster roster = service.freeze(QueryParams.month("month", month));
        return answer(roster, XlsxMedia.wanted(headers));
    }

    private static Response answer(HighAgeRoster roster, boolean xlsx) {
        if (!xlsx) {
            return Response.ok(roster, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> RosterWorkbook.write(roster, out);
        return Response.ok(body, XLSX).header("Content-Disposition",
                "attachment; filename=\"high-age-subsidy-" + roster.month() + ".xlsx\"").build();
    }
}
