package shouwang.volunteer.post;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.post.PostDtos.ClaimView;

/** A volunteer's claims, newest first: for the volunteer themselves or staff of their community. */
@Path("/volunteers/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class VolunteerClaimsResource {

    @Inject
    PostService service;

    @GET
    public Page<ClaimView> claims(@PathParam("id") String id, @BeanParam PageRequest page) {
        return service.claimsOf(QueryParams.uuid("id", id), page);
    }
}
