package shouwang.volunteer.post;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.post.PostDtos.ClaimView;

/** A volunteer's claims, newest first: for the volunteer themselves or staff of their community. */
@Path("/volunteers/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Volunteers")
public class VolunteerClaimsResource {

    @Inject
    PostService service;

    @GET
    @Operation(operationId = "listVolunteerClaims", summary = "志愿者的认领 / A volunteer's claims",
            description = "志愿者的认领记录，最新在前；志愿者本人或其社区工作人员可查。 / A volunteer's claims, newest first: for the volunteer "
                    + "themselves or staff of their community.")
    public Page<ClaimView> claims(
            @Parameter(description = "志愿者编号 (UUID) / Volunteer id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @BeanParam PageRequest page) {
        return service.claimsOf(QueryParams.uuid("id", id), page);
    }
}
