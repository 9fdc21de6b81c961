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
import jakarta.ws.rs.core.Response;

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
public class OrgResource {

    @Inject
    OrgService service;

    @POST
    @Path("/units")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createUnit(@Valid @NotNull UnitInput input) {
        return service.createUnit(input).response();
    }

    @GET
    @Path("/units")
    public Page<OrgView> units(@QueryParam("active") String active, @BeanParam PageRequest page) {
        return service.units(QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/units/{code}")
    public OrgView unit(@PathParam("code") String code) {
        return service.unit(code);
    }

    @PUT
    @Path("/units/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public OrgView updateUnit(@PathParam("code") String code, @Valid @NotNull OrgUpdate input) {
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
    public Response createDistrict(@Valid @NotNull DistrictInput input) {
        return service.createDistrict(input).response();
    }

    /** Every district for the city and the staff roles; a district-scoped admin its own only. */
    @GET
    @Path("/districts")
    public Page<OrgView> districts(@QueryParam("active") String active, @BeanParam PageRequest page) {
        return service.districts(QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/districts/{code}")
    public OrgView district(@PathParam("code") String code) {
        return service.district(code);
    }

    /** The city, or the admin of that district for its people only. */
    @PUT
    @Path("/districts/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public OrgView updateDistrict(@PathParam("code") String code, @Valid @NotNull OrgUpdate input) {
        return service.updateDistrict(code, input);
    }

    @POST
    @Path("/streets")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createStreet(@Valid @NotNull StreetInput input) {
        return service.createStreet(input).response();
    }

    @GET
    @Path("/streets")
    public Page<StreetView> streets(@QueryParam("districtCode") String districtCode,
            @QueryParam("active") String active, @BeanParam PageRequest page) {
        return service.streets(QueryParams.text(districtCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/streets/{code}")
    public StreetView street(@PathParam("code") String code) {
        return service.street(code);
    }

    @PUT
    @Path("/streets/{code}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.STREET_OFFICER })
    public StreetView updateStreet(@PathParam("code") String code, @Valid @NotNull OrgUpdate input) {
        return service.updateStreet(code, input);
    }

    @POST
    @Path("/communities")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createCommunity(@Valid @NotNull CommunityInput input) {
        return service.createCommunity(input).response();
    }

    @GET
    @Path("/communities")
    public Page<CommunityView> communities(@QueryParam("streetCode") String streetCode,
            @QueryParam("active") String active, @BeanParam PageRequest page) {
        return service.communities(QueryParams.text(streetCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/communities/{code}")
    public CommunityView community(@PathParam("code") String code) {
        return service.community(code);
    }

    @PUT
    @Path("/communities/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public CommunityView updateCommunity(@PathParam("code") String code, @Valid @NotNull OrgUpdate input) {
        return service.updateCommunity(code, input);
    }

    @POST
    @Path("/grids")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createGrid(@Valid @NotNull GridInput input) {
        return service.createGrid(input).response();
    }

    @GET
    @Path("/grids")
    public Page<GridView> grids(@QueryParam("communityCode") String communityCode,
            @QueryParam("active") String active, @BeanParam PageRequest page) {
        return service.grids(QueryParams.text(communityCode), QueryParams.bool("active", active), page);
    }

    @GET
    @Path("/grids/{code}")
    public GridView grid(@PathParam("code") String code) {
        return service.grid(code);
    }

    @PUT
    @Path("/grids/{code}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public GridView updateGrid(@PathParam("code") String code, @Valid @NotNull OrgUpdate input) {
        return service.updateGrid(code, input);
    }

    @GET
    @Path("/bureau")
    public OrgView bureau() {
        return service.bureau();
    }

    @PUT
    @Path("/bureau")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public OrgView updateBureau(@Valid @NotNull OrgUpdate input) {
        return service.updateBureau(input);
    }
}
