package shouwang.registry.org;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import shouwang.registry.org.OrgDtos.GridInput;
import shouwang.registry.org.OrgDtos.GridView;
import shouwang.registry.org.OrgDtos.UnitInput;
import shouwang.registry.org.OrgDtos.UnitView;

/**
 * The org hierarchy, by code. Only the district bureau creates org records; every staff role reads the whole
 * directory (a move may name any community's grid). Volunteers and partners read nothing of the registry
 * (docs/security.md): {@code @Authenticated} let them list the district's org, so the reads name the staff roles.
 */
@Path("/org")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON })
public class OrgResource {

    @Inject
    OrgService service;

    @POST
    @Path("/units")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createUnit(@Valid @NotNull UnitInput input) {
        return Response.status(201).entity(service.createUnit(input)).build();
    }

    @GET
    @Path("/units")
    public Page<UnitView> units(@BeanParam PageRequest page) {
        return service.units(page);
    }

    @GET
    @Path("/units/{code}")
    public UnitView unit(@PathParam("code") String code) {
        return service.unit(code);
    }

    @POST
    @Path("/communities")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createCommunity(@Valid @NotNull CommunityInput input) {
        return Response.status(201).entity(service.createCommunity(input)).build();
    }

    @GET
    @Path("/communities")
    public Page<CommunityView> communities(@BeanParam PageRequest page) {
        return service.communities(page);
    }

    @GET
    @Path("/communities/{code}")
    public CommunityView community(@PathParam("code") String code) {
        return service.community(code);
    }

    @POST
    @Path("/grids")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Response createGrid(@Valid @NotNull GridInput input) {
        return Response.status(201).entity(service.createGrid(input)).build();
    }

    @GET
    @Path("/grids")
    public Page<GridView> grids(@QueryParam("communityCode") String communityCode, @BeanParam PageRequest page) {
        return service.grids(QueryParams.text(communityCode), page);
    }

    @GET
    @Path("/grids/{code}")
    public GridView grid(@PathParam("code") String code) {
        return service.grid(code);
    }
}
