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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Escalation policy")
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
    @Operation(operationId = "getEscalationPolicy", summary = "预警升级规则 / The escalation policy",
            description = "各类信号的处置期限与升级间隔：不带 districtCode 为市默认值；带则为该区县的（未设置时为继承的市默认值，"
                    + "inherited 为 true）。 / Each signal kind's deadline and escalation interval: the city default without "
                    + "districtCode, else that district's (the inherited city default, inherited true, when it has none).")
    public PolicyDocument read(
            @Parameter(description = "区县代码（GB/T 2260）/ District code (GB/T 2260)") @QueryParam(DISTRICT_CODE) String districtCode) {
        String district = orgs.district(DISTRICT_CODE, districtCode);
        return service.document(service.current(district), district);
    }

    @PUT
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "changeEscalationPolicy", summary = "修改预警升级规则 / Change the escalation policy",
            description = "新增一个版本：所给类别替换其规则，其余沿用。带 districtCode 为该区县的（本区县管理员或市），不带为市默认值"
                    + "（市管理员，或单区部署的区管理员）。 / Adds a version: the given kinds replace their rules, the others carry "
                    + "over. With districtCode that district's (its admin or the city), without it the city default (the city "
                    + "admin, or a one-district deployment's admin).")
    public PolicyDocument change(
            @Parameter(description = "区县代码（GB/T 2260）/ District code (GB/T 2260)") @QueryParam(DISTRICT_CODE) String districtCode,
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
