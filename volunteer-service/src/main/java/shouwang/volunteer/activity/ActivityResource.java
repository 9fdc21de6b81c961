package shouwang.volunteer.activity;

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
import shouwang.volunteer.activity.ActivityDtos.ActivityRequest;
import shouwang.volunteer.activity.ActivityDtos.ActivityView;
import shouwang.volunteer.activity.ActivityDtos.AttendanceRequest;
import shouwang.volunteer.activity.ActivityDtos.AttendanceSummary;
import shouwang.volunteer.activity.ActivityDtos.AttendanceView;
import shouwang.volunteer.activity.ActivityDtos.EnrolmentRequest;
import shouwang.volunteer.activity.ActivityDtos.EnrolmentView;
import shouwang.volunteer.activity.ActivityDtos.SignInRequest;

/**
 * Activities and classes of a community (老年大学, 文体队伍, 活动): browsing like teams, enrolment, attendance and
 * sign-in by the community's staff. A partner reads none of it; a cadre uses {@code /me/activities}.
 */
@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
@Tag(name = "Activities")
public class ActivityResource {

    @Inject
    ActivityService activities;

    @Inject
    EnrolmentService enrolments;

    @Inject
    AttendanceService attendance;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "createActivity", summary = "新建活动 / Create an activity",
            description = "新建社区的老年大学课程、文体队伍或活动及其课次。 / Creates a class (老年大学), team (文体队伍) or activity of a community, with "
                    + "its sessions.")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActivityView.class)))
    public Response create(@Valid @NotNull ActivityRequest request) {
        return activities.create(request).response();
    }

    @GET
    @Operation(operationId = "listActivities", summary = "活动列表 / List activities",
            description = "调用者范围内的活动，可按社区、类型、日期筛选；合作方不可见。 / The activities in the caller's scope, by community, kind and "
                    + "dates; not for partners.")
    public Page<ActivityView> list(
            @Parameter(description = "社区代码，须在调用者范围内 / Community code, within the caller's scope")
            @QueryParam("communityCode") String communityCode,
            @Parameter(description = "活动类型 / Activity kind", schema = @Schema(implementation = ActivityKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "起始日 yyyy-MM-dd / First day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "截止日 yyyy-MM-dd / Last day (yyyy-MM-dd)", schema = @Schema(format = "date"))
            @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        return activities.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("kind", kind, ActivityKind.class), QueryParams.date("from", from),
                QueryParams.date("to", to), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getActivity", summary = "活动详情 / One activity",
            description = "一个活动及其课次和报名人数。 / One activity with its sessions and enrolments.")
    public ActivityView get(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id) {
        return activities.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "enrolInActivity", summary = "代为报名 / Enrol a cadre",
            description = "社区工作人员为一名干部报名 (客户端 id 使重试安全)。 / Community staff enrol a cadre (a client id makes a retry safe).")
    @APIResponse(responseCode = "201", description = "已创建 / Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "200", description = "同一 id 已创建过 (重试) / Created before with that id (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentView.class)))
    public Response enrol(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Valid @NotNull EnrolmentRequest request) {
        return enrolments.enrol(QueryParams.uuid("id", id), request.id(), request.cadreId()).response();
    }

    @GET
    @Path("/{id}/enrolments")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "listActivityEnrolments", summary = "报名名单 / Enrolments",
            description = "活动的报名名单，可按状态筛选。 / The activity's enrolments, optionally of one status.")
    public Page<EnrolmentView> enrolments(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "报名状态 / Enrolment status", schema = @Schema(implementation = Enrolment.Status.class))
            @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return enrolments.list(QueryParams.uuid("id", id),
                QueryParams.enumValue("status", status, Enrolment.Status.class), page);
    }

    @POST
    @Path("/{id}/enrolments/{enrolmentId}/withdraw")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "withdrawEnrolment", summary = "撤销报名 / Withdraw an enrolment",
            description = "撤销一条报名。 / Withdraws an enrolment.")
    public EnrolmentView withdraw(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "报名编号 (UUID) / Enrolment id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("enrolmentId") String enrolmentId) {
        return enrolments.withdraw(QueryParams.uuid("id", id), QueryParams.uuid("enrolmentId", enrolmentId));
    }

    @POST
    @Path("/{id}/sessions/{n}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "recordAttendance", summary = "登记考勤 / Record attendance",
            description = "登记某次课的出勤名单。 / Records who attended a session.")
    public AttendanceSummary record(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "第几次课 (从 1 起的整数) / Session number (an integer from 1)", schema = @Schema(type = SchemaType.INTEGER))
            @PathParam("n") String n,
            @Valid @NotNull AttendanceRequest request) {
        return attendance.record(QueryParams.uuid("id", id), session(n), request.presentCadreIds());
    }

    @GET
    @Path("/{id}/sessions/{n}/attendance")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "listAttendance", summary = "考勤记录 / Attendance",
            description = "某次课的出勤记录。 / A session's attendance.")
    public Page<AttendanceView> attendance(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "第几次课 (从 1 起的整数) / Session number (an integer from 1)", schema = @Schema(type = SchemaType.INTEGER))
            @PathParam("n") String n,
            @BeanParam PageRequest page) {
        return attendance.list(QueryParams.uuid("id", id), session(n), page);
    }

    @POST
    @Path("/{id}/sessions/{n}/sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    @Operation(operationId = "signInForCadre", summary = "代为签到 / Sign a cadre in",
            description = "工作人员为干部在某次课签到。 / Staff sign a cadre in for a session.")
    public AttendanceView signIn(
            @Parameter(description = "活动编号 (UUID) / Activity id (UUID)", schema = @Schema(format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = "第几次课 (从 1 起的整数) / Session number (an integer from 1)", schema = @Schema(type = SchemaType.INTEGER))
            @PathParam("n") String n,
            @Valid @NotNull SignInRequest request) {
        return attendance.signIn(QueryParams.uuid("id", id), session(n), request.cadreId());
    }

    /** A session number: an integer, else a 400 naming {@code n} (an unknown number is a 404). */
    static Integer session(String n) {
        return QueryParams.integer("n", n);
    }
}
