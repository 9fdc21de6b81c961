package shouwang.volunteer.post;

import java.io.IOException;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.OptionalBody;
import shouwang.kit.security.Roles;
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
@Tag(name = "Posts")
public class PostResource {

    @Inject
    PostService service;

    @Inject
    OptionalBody bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "publishPost", summary = "发布岗位 / Publish a post",
            description = "发布一个志愿服务岗位及名额 (客户端 id 使重试安全)。 / Publishes a volunteer post with its places (a client id makes a "
                    + "retry safe).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PostView.class)))
    public Response publish(@Valid @NotNull PostRequest request) {
        return service.publish(request).response();
    }

    @GET
    @Operation(operationId = "listPosts", summary = "岗位列表 / List posts",
            description = "调用者范围内的志愿岗位，可按社区、网格、类别、状态筛选；合作方不可见。 / The posts in the caller's scope, by community, grid, "
                    + "category and status; not for partners.")
    public Page<PostView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "网格代码 / Grid code") @QueryParam("gridCode") String gridCode,
            @Parameter(description = "服务类别 / Service category", schema = @Schema(implementation = ServiceCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "岗位状态 / Post status", schema = @Schema(implementation = Post.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "只返回此时刻 (ISO-8601) 之后变更的记录 / Only records changed after this instant (ISO-8601)", schema = @Schema(format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode), QueryParams.text("gridCode", gridCode),
                QueryParams.enumValue("category", category, ServiceCategory.class),
                QueryParams.enumValue("status", status, Post.Status.class),
                QueryParams.instant("updatedSince", updatedSince), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPost", summary = "岗位详情 / One post",
            description = "一个志愿岗位及其剩余名额。 / One post with its free places.")
    public PostView get(
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "closePost", summary = "关闭岗位 / Close a post",
            description = "关闭岗位，不再接受认领。 / Closes the post to further claims.")
    public PostView close(
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return service.close(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "claimPost", summary = "认领岗位 / Claim a post",
            description = "志愿者认领一个名额；请求体可选 (客户端 id 使重试安全)。 / A volunteer claims a place; body optional (a client id makes "
                    + "a retry safe).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClaimView.class)))
    public Response claim(
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid ClaimRequest request) {
        ClaimRequest body = request == null ? new ClaimRequest(null, null, null, null, null) : request;
        return service.claim(QueryParams.uuid("id", id), body).response();
    }

    @GET
    @Path("/{id}/claims")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "listPostClaims", summary = "岗位的认领 / A post's claims",
            description = "岗位的认领记录，可按状态筛选。 / The post's claims, optionally of one status.")
    public Page<ClaimView> claims(
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "认领状态 / Claim status", schema = @Schema(implementation = Claim.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return service.claims(QueryParams.uuid("id", id), QueryParams.enumValue("status", status, Claim.Status.class),
                page);
    }

    @POST
    @Path("/{id}/claims/{claimId}/withdraw")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.VOLUNTEER })
    @Operation(operationId = "withdrawClaim", summary = "撤回认领 / Withdraw a claim",
            description = "撤回一条认领，名额释放。 / Withdraws a claim, freeing its place.")
    public ClaimView withdraw(
            @Parameter(description = "岗位编号 (UUID) / Post id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "认领编号 (UUID) / Claim id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("claimId") String claimId,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WithdrawRequest.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        WithdrawRequest request = bodies.read(body, headers, WithdrawRequest.class, new WithdrawRequest(null));
        return service.withdraw(QueryParams.uuid("id", id), QueryParams.uuid("claimId", claimId), request.reason());
    }
}
