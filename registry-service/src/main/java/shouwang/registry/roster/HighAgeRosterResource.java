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

import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.registry.XlsxMedia;

/**
 * {@code GET /reports/high-age-subsidy?month=YYYY-MM} (default: the district's current month): JSON, or XLSX when the
 * client asks for the XLSX type.
 */
@Path("/reports/high-age-subsidy")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
public class HighAgeRosterResource {

    static final String XLSX = XlsxMedia.TYPE;

    @Inject
    HighAgeRosterService service;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, XLSX })
    @RateLimited(RateLimited.Bucket.EXPENSIVE)
    public Response roster(@QueryParam("month") String month, @QueryParam("communityCode") String communityCode,
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
    public Response freeze(@QueryParam("month") String month, @Context HttpHeaders headers) {
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
