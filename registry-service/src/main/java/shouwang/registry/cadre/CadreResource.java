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
    public Response create(CadreInput input) {
        return service.create(required(input)).response();
    }

    @GET
    @Path("/{id}")
    public CadreView get(@PathParam("id") String id) {
        return service.get(uuid(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public CadreView update(@PathParam("id") String id, CadreInput input) {
        return service.update(uuid(id), required(input));
    }

    @PUT
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    public CadreView contacts(@PathParam("id") String id, List<Contact> contacts) {
        return service.assignContacts(uuid(id), contacts);
    }

    @PUT
    @Path("/{id}/party-branch")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.UNIT_LIAISON })
    // JSON only: a one-string record would otherwise be built from a text/plain body by its constructor
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Puts a party member into its party branch (branchCode null: out of any branch)")
    public CadreView partyBranch(@PathParam("id") String id, PartyBranchInput input) {
        return service.assignPartyBranch(uuid(id), input);
    }

    @PUT
    @Path("/{id}/household")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(summary = "两老同住: links the cadre with another cadre of the same home into one household")
    public CadreView household(@PathParam("id") String id, HouseholdInput input) {
        return service.linkHousehold(uuid(id), input);
    }

    @DELETE
    @Path("/{id}/household")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    @Operation(summary = "Takes the cadre out of its household (a household of one dissolves)")
    public CadreView leaveHousehold(@PathParam("id") String id) {
        return service.leaveHousehold(uuid(id));
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    public CadreView move(@PathParam("id") String id, MoveInput move) {
        return service.move(uuid(id), move);
    }

    @POST
    @Path("/{id}/death")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER })
    public CadreView death(@PathParam("id") String id, DeathInput death) {
        return service.death(uuid(id), death);
    }

    /**
     * Search, paged, sorted by name then id. {@code q} matches part of the name or the exact phone, or, when it is
     * an ID card number, that number; {@code missingContacts=true} lists the active key service targets without a
     * UNIT, COMMUNITY or GRID contact. An org filter outside the caller's scope is a 403.
     */
    @GET
    public Page<CadreView> search(@QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("unitCode") String unitCode,
            @QueryParam("ageBand") String ageBand, @QueryParam("rank") String rank,
            @QueryParam("retirementType") String retirementType, @QueryParam("status") String status,
            @QueryParam("q") String q, @QueryParam("idNumber") String idNumber,
            @QueryParam("keyServiceTarget") String keyServiceTarget,
            @QueryParam("missingContacts") String missingContacts, @QueryParam("updatedSince") String updatedSince,
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
