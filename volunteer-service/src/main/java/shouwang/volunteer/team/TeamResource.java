package shouwang.volunteer.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.roster.VolunteerRef;
import shouwang.volunteer.team.TeamDtos.LeaderRequest;
import shouwang.volunteer.team.TeamDtos.TeamRequest;
import shouwang.volunteer.team.TeamDtos.TeamView;

/** Teams of a community; a partner reads none of it (every signed-in role but partner, narrower per method). */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class TeamResource {

    @Inject
    TeamService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Response create(@Valid @NotNull TeamRequest request) {
        return service.create(request).response();
    }

    @GET
    public Page<TeamView> list(@QueryParam("communityCode") String communityCode,
            @QueryParam("category") String category, @QueryParam("volunteerId") String volunteerId,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode),
                QueryParams.enumValue("category", category, ServiceCategory.class),
                QueryParams.uuid("volunteerId", volunteerId), page);
    }

    @GET
    @Path("/{id}")
    public TeamView get(@PathParam("id") String id) {
        return service.get(QueryParams.uuid("id", id));
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public TeamView addMember(@PathParam("id") String id, @Valid @NotNull VolunteerRef member) {
        return service.addMember(QueryParams.uuid("id", id), member);
    }

    @DELETE
    @Path("/{id}/members/{volunteerId}")
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public TeamView removeMember(@PathParam("id") String id, @PathParam("volunteerId") String volunteerId) {
        return service.removeMember(QueryParams.uuid("id", id), QueryParams.uuid("volunteerId", volunteerId));
    }

    @PUT
    @Path("/{id}/leader")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public TeamView appointLeader(@PathParam("id") String id, @Valid @NotNull LeaderRequest request) {
        return service.appointLeader(QueryParams.uuid("id", id), request.volunteerId());
    }
}
