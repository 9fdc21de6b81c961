package shouwang.registry.cadre;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.cadre.CadreDtos.CadreInput;
import shouwang.registry.cadre.CadreDtos.CadreView;
import shouwang.registry.cadre.CadreDtos.DeathInput;
import shouwang.registry.cadre.CadreDtos.HouseholdInput;
import shouwang.registry.cadre.CadreDtos.MoveInput;
import shouwang.registry.cadre.CadreDtos.PartyBranchInput;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.org.OrgService;

/**
 * Cadres. Staff roles read within their scope; the bureau and community workers register and change cadres;
 * unit liaisons may also set responsible contacts; grid workers may also report moves and deaths.
 */
@Path("/cadres")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Cadres")
public class CadreResource {

    @Inject
    CadreService service;

    @Inject
    CallerScope caller;

    @Inject
    OrgService org;

    /** 201 with the new cadre; 200 with the existing one when its {@code id} was registered before (a retry). */
    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "createCadre", summary = "登记干部 / Register a cadre",
            description = "登记一名离退休干部 (局、社区工作人员)。请求可带客户端 id：同一 id 重试时返回已登记的记录 (200)。 / Registers a retired cadre (bureau "
                    + "and community workers). A client id makes a retry safe: the same id answers the cadre "
                    + "registered before (200).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    public Response create(CadreInput input) {
        return service.create(required(input)).response();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCadre", summary = "干部详情 / One cadre",
            description = "调用者范围内的一名干部，身份证号已脱敏。 / One cadre within the caller's scope, ID number masked.")
    public CadreView get(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(uuid(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "updateCadre", summary = "修改干部信息 / Update a cadre",
            description = "整体替换干部的档案信息 (局、社区工作人员)。 / Replaces the cadre's record (bureau and community workers).")
    public CadreView update(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            CadreInput input) {
        return service.update(uuid(id), required(input));
    }

    @PUT
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    @Operation(operationId = "assignCadreContacts", summary = "设置联系人 / Set responsible contacts",
            description = "设置各层级 (单位、社区、网格等) 的联系责任人，单位联络员也可设置。 / Sets the responsible contacts per layer (unit, community, "
                    + "grid, …); unit liaisons may set them too.")
    public CadreView contacts(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            List<Contact> contacts) {
        return service.assignContacts(uuid(id), contacts);
    }

    @PUT
    @Path("/{id}/party-branch")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    // JSON only: a one-string record would otherwise be built from a text/plain body by its constructor
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignCadrePartyBranch", summary = "编入党支部 / Put into a party branch",
            description = "把党员编入其党支部；branchCode 为 null 表示移出任何支部。 / Puts a party member into its party branch (branchCode "
                    + "null: out of any branch).")
    public CadreView partyBranch(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            PartyBranchInput input) {
        return service.assignPartyBranch(uuid(id), input);
    }

    @PUT
    @Path("/{id}/household")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "linkCadreHousehold", summary = "两老同住 / Link a household",
            description = "把干部与同住的另一名干部结为一户 (两老同住)。 / Links the cadre with another cadre of the same home into one "
                    + "household (两老同住).")
    public CadreView household(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            HouseholdInput input) {
        return service.linkHousehold(uuid(id), input);
    }

    @DELETE
    @Path("/{id}/household")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "leaveCadreHousehold", summary = "退出同住户 / Leave the household",
            description = "把干部移出其同住户；只剩一人的户随之解散。 / Takes the cadre out of its household (a household of one dissolves).")
    public CadreView leaveHousehold(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.leaveHousehold(uuid(id));
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "moveCadre", summary = "报告迁居 / Report a move",
            description = "报告干部迁居到另一社区或网格 (网格员也可报告)。 / Reports the cadre's move to another community or grid (grid workers "
                    + "may report it too).")
    public CadreView move(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            MoveInput move) {
        return service.move(uuid(id), move);
    }

    @POST
    @Path("/{id}/death")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(operationId = "reportCadreDeath", summary = "报告去世 / Report a death",
            description = "报告干部去世，档案转为已故，不再派发走访任务。 / Reports the cadre's death: the record turns deceased and no more "
                    + "visits are planned.")
    public CadreView death(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            DeathInput death) {
        return service.death(uuid(id), death);
    }

    /**
     * Search, paged, sorted by name then id. {@code q} matches part of the name or the exact phone, or, when it is
     * an ID card number, that number; {@code missingContacts=true} lists the active key service targets without a
     * UNIT, COMMUNITY or GRID contact. An org filter outside the caller's scope is a 403.
     */
    @GET
    @Operation(operationId = "searchCadres", summary = "查询干部 / Search cadres",
            description = "分页查询，按姓名、id 排序。q 匹配姓名片段、完整电话或身份证号；missingContacts=true 列出缺少单位、社区或网格联系人的重点服务对象。范围外的组织筛选为 403。 / "
                    + "Search, paged, by name then id. q matches part of the name, the exact phone or an ID card "
                    + "number; missingContacts=true lists the active key service targets without a UNIT, COMMUNITY or "
                    + "GRID contact. An org filter outside the caller's scope is a 403.")
    public Page<CadreView> search(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String gridCode,
            @Parameter(description = "原工作单位代码 / Former work unit code") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "年龄段 / Age band: <60, 60-69, 70-79, 80-89, 90+")
            @QueryParam("ageBand") String ageBand,
            @Parameter(description = "职级 / Rank", schema = @Schema(implementation = Rank.class))
            @QueryParam("rank") String rank,
            @Parameter(description = "离退休类别 / Retirement type", schema = @Schema(implementation = RetirementType.class))
            @QueryParam("retirementType") String retirementType,
            @Parameter(description = "档案状态 / Record status", schema = @Schema(implementation = CadreStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "姓名片段、完整电话或身份证号 / Part of the name, the exact phone, or an ID card number")
            @QueryParam("q") String q,
            @Parameter(description = "身份证号 (18 位) / ID card number (18 characters)")
            @QueryParam("idNumber") String idNumber,
            @Parameter(description = "是否重点服务对象 / Key service target or not", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("keyServiceTarget") String keyServiceTarget,
            @Parameter(description = "true：缺少联系人的重点服务对象 / true: key service targets missing a contact", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("missingContacts") String missingContacts,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        AgeBand band = AgeBand.parse(ageBand);
        if (ageBand != null && !ageBand.isBlank() && band == null) {
            throw InvalidFieldsException.of("ageBand", "must be one of <60, 60-69, 70-79, 80-89, 90+");
        }
        String text = QueryParams.text(q);
        String number = IdNumbers.normalize(idNumber);
        if (number == null && text != null && text.toUpperCase().matches("\\d{17}[\\dX]")) {
            number = text.toUpperCase();
            text = null;
        }
        String community = QueryParams.text(communityCode);
        String grid = QueryParams.text(gridCode);
        String unit = QueryParams.text(unitCode);
        caller.requireFilter(community, grid, unit, org::communityOfGrid);
        CadreSearch search = new CadreSearch(community, grid, unit, band,
                QueryParams.enumValue("rank", rank, Rank.class),
                QueryParams.enumValue("retirementType", retirementType, RetirementType.class),
                QueryParams.enumValue("status", status, CadreStatus.class), text,
                number == null ? null : service.blindIndexes(number),
                QueryParams.bool("keyServiceTarget", keyServiceTarget),
                Boolean.TRUE.equals(QueryParams.bool("missingContacts", missingContacts)),
                QueryParams.instant("updatedSince", updatedSince));
        return service.search(search, page);
    }

    private static UUID uuid(String id) {
        UUID value = QueryParams.uuid("id", id);
        if (value == null) {
            throw InvalidFieldsException.of("id", "is required");
        }
        return value;
    }

    private static CadreInput required(CadreInput input) {
        if (input == null) {
            throw InvalidFieldsException.of("body", "is required");
        }
        return input;
    }
}
