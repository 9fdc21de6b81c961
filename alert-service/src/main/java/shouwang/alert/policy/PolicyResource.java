package shouwang.alert.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import shouwang.alert.org.OrgDirectory;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/**
 * The escalation policy: the city default, or with {@code districtCode} a district's (its own, else the default it
 * inherits). A district's policy is changed by its district admin or the city; the default by the city, or by the
 * district admin of a one-district deployment as before.
 */
@Path("/escalation-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final String DISTRICT_CODE = "districtCode";

    @Inject
    PolicyService service;

    @Inject
    OrgDirectory orgs;

    @Inject
    CallerScope caller;

    /** Durations are no secret: every staff role and partners read any district's. */
    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.PARTNER })
    public PolicyDocument read(@QueryParam(DISTRICT_CODE) String districtCode) {
        String district = orgs.district(DISTRICT_CODE, districtCode);
        return service.document(service.current(district), district);
    }

    @PUT
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public PolicyDocument change(@QueryParam(DISTRICT_CODE) String districtCode,
            @Valid @NotNull PolicyDocument body) {
        String district = orgs.district(DISTRICT_CODE, districtCode);
        if (district != null && !caller.coversDistrict(district)) {
            throw new ForbiddenException("District " + district + " is not yours");
        }
        // district-wide: the city admin, or the admin of a one-district deployment (whose token names no district)
        if (district == null && !caller.scope().districtWide()) {
            throw new ForbiddenException("The city default policy is the city's; name your district (districtCode)");
        }
        return service.document(service.change(district, body.kinds(), caller.username()), district);
    }
}
