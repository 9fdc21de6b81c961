package shouwang.volunteer.roster;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;

@Path("/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class VolunteerResource {

    /** Registers a volunteer ahead of any claim: a cadre by id, or a resident by name and phone. */
    public record RegisterRequest(UUID id, UUID cadreId, @Size(max = 100) String volunteerName,
            @jakarta.validation.constraints.Pattern(regexp = "^[0-9+\\-() ]{5,20}$", message = "must be a phone number") String phone,
            @Size(max = 64) String communityCode) {
    }

    @Inject
    VolunteerService service;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public Response register(@Valid @NotNull RegisterRequest request) {
        return service.register(request.id(),
                new VolunteerRef(null, request.cadreId(), request.volunteerName(), request.phone()),
                QueryParams.text(request.communityCode())).response();
    }

    @GET
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER })
    public Page<VolunteerView> list(@QueryParam("communityCode") String communityCode, @QueryParam("q") String q,
            @BeanParam PageRequest page) {
        return service.list(QueryParams.text("communityCode", communityCode), QueryParams.text("q", q), page);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.VOLUNTEER)
    public VolunteerView me() {
        return VolunteerView.of(service.me().orElseThrow(() -> new NotFoundException("Volunteer", "me")));
    }

    @GET
    @Path("/{id}")
    public VolunteerView get(@PathParam("id") String id) {
        return VolunteerView.of(service.visible(QueryParams.uuid("id", id)));
    }
}
