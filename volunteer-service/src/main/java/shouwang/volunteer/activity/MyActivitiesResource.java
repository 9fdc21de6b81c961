package shouwang.volunteer.activity;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import shouwang.volunteer.activity.ActivityDtos.AttendanceView;
import shouwang.volunteer.activity.ActivityDtos.EnrolmentView;
import shouwang.volunteer.activity.ActivityDtos.MyActivityView;
import shouwang.volunteer.activity.ActivityDtos.MyEnrolmentRequest;

/**
 * The cadre's own activities (role {@code cadre}, claim {@code cadre_id}): browse its community's, enrol (报名),
 * withdraw, sign in (签到). The token names the cadre; it sees nothing of any other cadre.
 */
@Path("/me/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CADRE)
@Tag(name = "My activities")
public class MyActivitiesResource {

    @Inject
    MyActivityService mine;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AttendanceService attendance;

    @Inject
    OptionalBody bodies;

    @GET
    @Operation(operationId = "listMyActivities", summary = "我的活动 / My activities",
            description = "干部本人 (令牌中的 cadre_id) 所在社区的活动及本人的报名。 / The activities of the cadre's community (the token's "
                    + "cadre_id) with its own enrolments.")
    public Page<MyActivityView> list(@BeanParam PageRequest page) {
        return mine.list(page);
    }

    /** Body optional: {@code {"id"}} makes a retry safe. */
    @POST
    @Path("/{id}/enrolments")
    @Operation(operationId = "enrolMe", summary = "我要报名 / Enrol myself",
            description = "干部本人报名；请求体可选，{\"id\"} 使重试安全。 / The cadre enrols itself; body optional, {\"id\"} makes a retry safe.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentView.class)))
    public Response enrol(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @RequestBody(required = false, description = "可不带请求体 / May be left out", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyEnrolmentRequest.class)))
            byte[] body, @Context HttpHeaders headers) throws IOException {
        MyEnrolmentRequest request = bodies.read(body, headers, MyEnrolmentRequest.class, new MyEnrolmentRequest(null));
        return enrolments.enrolMe(QueryParams.uuid("id", id), request.id()).response();
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawMe", summary = "取消报名 / Withdraw myself",
            description = "干部本人取消报名。 / The cadre withdraws its enrolment.")
    public EnrolmentView withdraw(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return enrolments.withdrawMe(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/sessions/{n}/sign-in")
    @Operation(operationId = "signInMe", summary = "我要签到 / Sign myself in",
            description = "干部本人在某次课签到。 / The cadre signs itself in for a session.")
    public AttendanceView signIn(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "第几次课 (从 1 起的整数) / Session number (an integer from 1)") @PathParam("n") String n) {
        return attendance.signInMe(QueryParams.uuid("id", id), ActivityResource.session(n));
    }
}
