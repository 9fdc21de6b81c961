package shouwang.volunteer.activity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.OptionalBody;
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
    public Page<MyActivityView> list(@BeanParam PageRequest page) {
        return mine.list(page);
    }

    /** Body optional: {@code {"id"}} makes a retry safe. */
    @POST
    @Path("/{id}/enrolments")
    public Response enrol(@PathParam("id") String id, String body) throws JsonProcessingException {
        MyEnrolmentRequest request = bodies.read(body, MyEnrolmentRequest.class, new MyEnrolmentRequest(null));
        return enrolments.enrolMe(QueryParams.uuid("id", id), request.id()).response();
    }

    @POST
    @Path("/{id}/withdraw")
    public EnrolmentView withdraw(@PathParam("id") String id) {
        return enrolments.withdrawMe(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/sessions/{n}/sign-in")
    public AttendanceView signIn(@PathParam("id") String id, @PathParam("n") String n) {
        return attendance.signInMe(QueryParams.uuid("id", id), ActivityResource.session(n));
    }
}
