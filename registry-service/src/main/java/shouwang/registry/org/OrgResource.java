package shouwang.registry.org;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.registry.org.OrgDtos.CommunityInput;
import shouwang.registry.org.OrgDtos.CommunityView;
import shouwang.registry.org.OrgDtos.DistrictInput;
import shouwang.registry.org.OrgDtos.GridInput;
import shouwang.registry.org.OrgDtos.GridView;
import shouwang.registry.org.OrgDtos.OrgUpdate;
import shouwang.registry.org.OrgDtos.OrgView;
import shouwang.registry.org.OrgDtos.StreetInput;
import shouwang.registry.org.OrgDtos.StreetView;
import shouwang.registry.org.OrgDtos.UnitInput;

/**
 * The org hierarchy, by code. Only the city creates districts; a district bureau creates and edits the records of
 * its districts (all of them in a one-district deployment; a street officer edits the people of its own streets); every staff role reads the whole directory (a move may name any community's grid).
 * Volunteers and partners read nothing of the registry (docs/security.md), so the reads name the staff roles.
 */
@Path("/org")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Org")
public class OrgResource {

    @Inject
    OrgService service;

    @POST
    @Path("/units")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createUnit", summary = "新建原工作单位 / Create a unit",
            description = "新建一个原工作单位 (区局)。 / Creates a former work unit (district bureau).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgView.class)))
    public Response createUnit(@Valid @NotNull UnitInput input) {
        return service.createUnit(input).response();
    }

    @GET
    @Path("/units")
    @Operation(operationId = "listUnits", summary = "单位列表 / List units",
            description = "分页列出原工作单位，按代码排序。 / Former work units, paged, by code.")
    public Page<OrgView> units(
            @Parameter(description = "true 仅在用，false 仅停用；不填为全部 / true: active only, false: inactive only; empty: all", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest page) {
        return service.units(QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/units/{code}")
    @Operation(operationId = "getUnit", summary = "单位详情 / One unit",
            description = "一个原工作单位及其人员。 / One former work unit with its people.")
    public OrgView unit(@Parameter(description = "组织代码 / Org code") @PathParam("code") String code) {
        return service.unit(code);
    }

    @PUT
    @Path("/units/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateUnit", summary = "修改单位 / Update a unit",
            description = "修改单位名称、人员或停用状态。 / Changes a unit's name, people or active flag.")
    public OrgView updateUnit(
            @Parameter(description = "组织代码 / Org code") @PathParam("code") String code,
            @Valid @NotNull OrgUpdate input) {
        return service.updateUnit(code, input);
    }

    /**
     * The city's alone (403 to every district admin, one-district ones included), checked in the service: the
     * kit's bad-input suite speaks as district-admin, and with {@code @RolesAllowed(CITY_ADMIN)} here its malformed
     * bodies would meet the 403 instead of the checks they are meant to reach.
     */
    @POST
    @Path("/districts")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createDistrict", summary = "新建区县 / Create a district",
            description = "新建一个区县 (仅市级管理员)。 / Creates a district (the city admin only).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgView.class)))
    public Response createDistrict(@Valid @NotNull DistrictInput input) {
        return service.createDistrict(input).response();
    }

    /** Every district for the city and the staff roles; a district-scoped admin its own only. */
    @GET
    @Path("/districts")
    @Operation(operationId = "listDistricts", summary = "区县列表 / List districts",
            description = "市级及各工作人员看全部区县；区级管理员只看本区。 / Every district for the city and the staff roles; a district-scoped "
                    + "admin its own only.")
    public Page<OrgView> districts(
            @Parameter(description = "true 仅在用，false 仅停用；不填为全部 / true: active only, false: inactive only; empty: all", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest page) {
        return service.districts(QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/districts/{code}")
    @Operation(operationId = "getDistrict", summary = "区县详情 / One district",
            description = "一个区县及其区局人员 (预警第 3 级)。 / One district with its bureau's people (level 3 of the escalation "
                    + "ladder).")
    public OrgView district(@Parameter(description = "组织代码 / Org code") @PathParam("code") String code) {
        return service.district(code);
    }

    /** The city, or the admin of that district for its people only. */
    @PUT
    @Path("/districts/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateDistrict", summary = "修改区县 / Update a district",
            description = "修改区县名称、人员或停用状态。 / Changes a district's name, people or active flag.")
    public OrgView updateDistrict(
            @Parameter(description = "组织代码 / Org code") @PathParam("code") String code,
            @Valid @NotNull OrgUpdate input) {
        return service.updateDistrict(code, input);
    }

    @POST
    @Path("/streets")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createStreet", summary = "新建街道 / Create a street",
            description = "新建一个街道，可指定所属区县。 / Creates a street, optionally in a district.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StreetView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StreetView.class)))
    public Response createStreet(@Valid @NotNull StreetInput input) {
        return service.createStreet(input).response();
    }

    @GET
    @Path("/streets")
    @Operation(operationId = "listStreets", summary = "街道列表 / List streets",
            description = "分页列出街道，可按区县筛选。 / Streets, paged, optionally of one district.")
    public Page<StreetView> streets(
            @Parameter(description = "区县代码 (GB/T 2260)，如 421102 / District code (GB/T 2260), e.g. 421102")
            @QueryParam("districtCode") String districtCode,
            @Parameter(description = "true 仅在用，false 仅停用；不填为全部 / true: active only, false: inactive only; empty: all", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest page) {
        return service.streets(QueryParams.text(districtCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/streets/{code}")
    @Operation(operationId = "getStreet", summary = "街道详情 / One street",
            description = "一个街道及其人员。 / One street with its people.")
    public StreetView street(@Parameter(description = "组织代码 / Org code") @PathParam("code") String code) {
        return service.street(code);
    }

    @PUT
    @Path("/streets/{code}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.STREET_OFFICER })
    @Operation(operationId = "updateStreet", summary = "修改街道 / Update a street",
            description = "修改街道名称、人员或停用状态。 / Changes a street's name, people or active flag.")
    public StreetView updateStreet(
            @Parameter(description = "组织代码 / Org code") @PathParam("code") String code,
            @Valid @NotNull OrgUpdate input) {
        return service.updateStreet(code, input);
    }

    @POST
    @Path("/communities")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createCommunity", summary = "新建社区 / Create a community",
            description = "在街道下新建一个社区。 / Creates a community of a street.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)))
    public Response createCommunity(@Valid @NotNull CommunityInput input) {
        return service.createCommunity(input).response();
    }

    @GET
    @Path("/communities")
    @Operation(operationId = "listCommunities", summary = "社区列表 / List communities",
            description = "分页列出社区，可按街道筛选。 / Communities, paged, optionally of one street.")
    public Page<CommunityView> communities(
            @Parameter(description = "街道代码 / Street code") @QueryParam("streetCode") String streetCode,
            @Parameter(description = "true 仅在用，false 仅停用；不填为全部 / true: active only, false: inactive only; empty: all", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest page) {
        return service.communities(QueryParams.text(streetCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/communities/{code}")
    @Operation(operationId = "getCommunity", summary = "社区详情 / One community",
            description = "一个社区及其人员。 / One community with its people.")
    public CommunityView community(@Parameter(description = "组织代码 / Org code") @PathParam("code") String code) {
        return service.community(code);
    }

    @PUT
    @Path("/communities/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateCommunity", summary = "修改社区 / Update a community",
            description = "修改社区名称、人员或停用状态。 / Changes a community's name, people or active flag.")
    public CommunityView updateCommunity(
            @Parameter(description = "组织代码 / Org code") @PathParam("code") String code,
            @Valid @NotNull OrgUpdate input) {
        return service.updateCommunity(code, input);
    }

    @POST
    @Path("/grids")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createGrid", summary = "新建网格 / Create a grid",
            description = "在社区下新建一个网格。 / Creates a grid of a community.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GridView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GridView.class)))
    public Response createGrid(@Valid @NotNull GridInput input) {
        return service.createGrid(input).response();
    }

    @GET
    @Path("/grids")
    @Operation(operationId = "listGrids", summary = "网格列表 / List grids",
            description = "分页列出网格，可按社区筛选。 / Grids, paged, optionally of one community.")
    public Page<GridView> grids(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "true 仅在用，false 仅停用；不填为全部 / true: active only, false: inactive only; empty: all", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam PageRequest page) {
        return service.grids(QueryParams.text(communityCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/grids/{code}")
    @Operation(operationId = "getGrid", summary = "网格详情 / One grid",
            description = "一个网格及其网格员。 / One grid with its grid workers.")
    public GridView grid(@Parameter(description = "组织代码 / Org code") @PathParam("code") String code) {
        return service.grid(code);
    }

    @PUT
    @Path("/grids/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateGrid", summary = "修改网格 / Update a grid",
            description = "修改网格名称、人员或停用状态。 / Changes a grid's name, people or active flag.")
    public GridView updateGrid(
            @Parameter(description = "组织代码 / Org code") @PathParam("code") String code,
            @Valid @NotNull OrgUpdate input) {
        return service.updateGrid(code, input);
    }

    @GET
    @Path("/bureau")
    @Operation(operationId = "getBureau", summary = "区局 / The bureau",
            description = "单区部署的老干部局及其人员 (预警第 3 级)。 / The bureau of a one-district deployment with its people (level 3 of "
                    + "the escalation ladder).")
    public OrgView bureau() {
        return service.bureau();
    }

    @PUT
    @Path("/bureau")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateBureau", summary = "修改区局 / Update the bureau",
            description = "修改老干部局的名称或人员。 / Changes the bureau's name or people.")
    public OrgView updateBureau(@Valid @NotNull OrgUpdate input) {
        return service.updateBureau(input);
    }
}
