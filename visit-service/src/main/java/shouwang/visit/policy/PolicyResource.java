package shouwang.visit.policy;

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

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.visit.org.OrgService;

/**
 * The visit policy (走访规则): the city default, or with {@code districtCode} a district's (its own, else the default
 * it inherits). A district's policy is changed by its district admin or the city; the default by the city, or by the
 * district admin of a one-district deployment as before.
 */
@Path("/visit-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visit policy")
public class PolicyResource {

    @Inject
    PolicyService service;

    @Inject
    OrgService orgs;

    @Inject
    CallerScope caller;

    /** Cadences and campaign defaults are no secret: every staff role reads any district's. */
    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
            Roles.STREET_OFFICER })
    @Operation(operationId = "getVisitPolicy", summary = "走访规则 / The visit policy",
            description = "各风险等级、各层级的走访周期与专项行动默认值（节日问候提前天数、宽限天数、战时截止时间）：不带 districtCode "
                    + "为市默认值；带则为该区县的（未设置时为继承的市默认值，inherited 为 true）。 / Each risk profile's and layer's "
                    + "cadence and the campaign defaults (greeting lead and grace days, emergency cut-off): the city "
                    + "default without districtCode, else that district's (the inherited city default, inherited true, "
                    + "when it has none).")
    public PolicyDocument read(
            @Parameter(description = "区县代码（GB/T 2260）/ District code (GB/T 2260)")
            @QueryParam(OrgService.DISTRICT_PARAM) String districtCode) {
        String district = district(districtCode);
        return service.document(service.current(district), district);
    }

    @PUT
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "changeVisitPolicy", summary = "修改走访规则 / Change the visit policy",
            description = "新增一个版本：所给风险等级、层级与专项行动字段替换原值，其余沿用；层级给 null 即不再要求走访周期。带 districtCode "
                    + "为该区县的（本区县管理员或市），不带为市默认值（市管理员，或单区部署的区管理员）。 / Adds a version: the "
                    + "risk profiles, layers and campaign fields given replace theirs, the others carry over; a layer "
                    + "given as null needs no cadence. With districtCode that district's (its admin or the city), "
                    + "without it the city default (the city admin, or a one-district deployment's admin).")
    public PolicyDocument change(
            @Parameter(description = "区县代码（GB/T 2260）/ District code (GB/T 2260)")
            @QueryParam(OrgService.DISTRICT_PARAM) String districtCode,
            @Valid @NotNull PolicyDocument body) {
        String district = district(districtCode);
        if (district != null && !caller.coversDistrict(district)) {
            throw new ForbiddenException("District " + district + " is not yours");
        }
        // district-wide: the city admin, or the admin of a one-district deployment (whose token names no district)
        if (district == null && !caller.scope().districtWide()) {
            throw new ForbiddenException("The city default visit policy is the city's; name your district "
                    + "(districtCode)");
        }
        return service.document(service.change(district, body, caller.username()), district);
    }

    /**
     * The {@code districtCode} asked, null when none: a district this deployment holds, else a 400 naming the
     * parameter (a one-district deployment knows none: naming one is not the default in disguise).
     */
    private String district(String raw) {
        String code = OrgService.districtParam(raw);
        if (code != null && orgs.find("DISTRICT", code).filter(d -> d.active).isEmpty()) {
            throw InvalidFieldsException.of(OrgService.DISTRICT_PARAM, "is not a district of this deployment");
        }
        return code;
    }
}
