package shouwang.volunteer.post;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.OptionalBody;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.post.PostDtos.ClaimRequest;
import shouwang.volunteer.post.PostDtos.ClaimView;
import shouwang.volunteer.post.PostDtos.PostRequest;
import shouwang.volunteer.post.PostDtos.PostView;
import shouwang.volunteer.post.PostDtos.WithdrawRequest;

/** Posts and their claims; a partner reads none of it (every signed-in role but partner, narrower per method). */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class PostResource {

    @Inject
    PostService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Response publish(@Valid @NotNull PostRequest request) {
        return service.publish(request).response();
    }

    @GET
    public Page<PostView> list(@QueryParam("communityCode") String communityCode,
            @QueryParam("gridCode") String gridCode, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode), QueryParams.text("gridCode", gridCode),
                QueryParams.enumValue("category", category, ServiceCategory.class),
                QueryParams.enumValue("status", status, Post.Status.class),
                QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    public PostView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public PostView close(@PathParam("id") String id) {
        return service.close(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    public Response claim(@PathParam("id") String id, @Valid ClaimRequest request) {
        ClaimRequest body = request == null ? new ClaimRequest(null, null, null, null, null) : request;
        return service.claim(QueryParams.uuid("id", id), body).response();
    }

    @GET
    @Path("/{id}/claims")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Page<ClaimView> claims(@PathParam("id") String id, @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return service.claims(QueryParams.uuid("id", id), QueryParams.enumValue("status", status, Claim.Status.class),
                page);
    }

    @POST
    @Path("/{id}/claims/{claimId}/withdraw")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    public ClaimView withdraw(@PathParam("id") String id, @PathParam("claimId") String claimId,
            String body) throws JsonProcessingException {
        WithdrawRequest request = bodies.read(body, WithdrawRequest.class, new WithdrawRequest(null));
        return service.withdraw(QueryParams.uuid("id", id), QueryParams.uuid("claimId", claimId), request.reason());
    }
}
