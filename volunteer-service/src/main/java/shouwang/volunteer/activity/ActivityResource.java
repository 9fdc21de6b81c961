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
    public Response create(@Valid @NotNull ActivityRequest request) {
        return activities.create(request).response();
    }

    @GET
    public Page<ActivityView> list(@QueryParam("communityCode") String communityCode, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam PageRequest page) {
        return activities.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("kind", kind, ActivityKind.class), QueryParams.date("from", from),
                QueryParams.date("to", to), page);
    }

    @GET
    @Path("/{id}")
    public ActivityView get(@PathParam("id") String id) {
        return activities.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Response enrol(@PathParam("id") String id, @Valid @NotNull EnrolmentRequest request) {
        return enrolments.enrol(QueryParams.uuid("id", id), request.id(), request.cadreId()).response();
    }

    @GET
    @Path("/{id}/enrolments")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Page<EnrolmentView> enrolments(@PathParam("id") String id, @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        return enrolments.list(QueryParams.uuid("id", id),
                QueryParams.enumValue("status", status, Enrolment.Status.class), page);
    }

    @POST
    @Path("/{id}/enrolments/{enrolmentId}/withdraw")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public EnrolmentView withdraw(@PathParam("id") String id, @PathParam("enrolmentId") String enrolmentId) {
        return enrolments.withdraw(QueryParams.uuid("id", id), QueryParams.uuid("enrolmentId", enrolmentId));
    }

    @POST
    @Path("/{id}/sessions/{n}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public AttendanceSummary record(@PathParam("id") String id, @PathParam("n") String n,
            @Valid @NotNull AttendanceRequest request) {
        return attendance.record(QueryParams.uuid("id", id), session(n), request.presentCadreIds());
    }

    @GET
    @Path("/{id}/sessions/{n}/attendance")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Page<AttendanceView> attendance(@PathParam("id") String id, @PathParam("n") String n,
            @BeanParam PageRequest page) {
        return attendance.list(QueryParams.uuid("id", id), session(n), page);
    }

    @POST
    @Path("/{id}/sessions/{n}/sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public AttendanceView signIn(@PathParam("id") String id, @PathParam("n") String n,
            @Valid @NotNull SignInRequest request) {
        return attendance.signIn(QueryParams.uuid("id", id), session(n), request.cadreId());
    }

    /** A session number: an integer, else a 400 naming {@code n} (an unknown number is a 404). */
    static Integer session(String n) {
        return QueryParams.integer("n", n);
    }
}
