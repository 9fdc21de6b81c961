package shouwang.volunteer.hours;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.Roles;
import shouwang.volunteer.hours.HoursDtos.DonateRequest;
import shouwang.volunteer.hours.HoursDtos.HoursView;
import shouwang.volunteer.hours.HoursDtos.SpendRequest;

/** A volunteer's time bank: balance and history, spending on oneself or family, donating to an eligible elder. */
@Path("/volunteers/{id}/hours")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.VOLUNTEER })
public class TimeBankResource {

    @Inject
    TimeBank timeBank;

    @GET
    public HoursView hours(@PathParam("id") String id, @BeanParam PageRequest page) {
        return timeBank.hours(QueryParams.uuid("id", id), page);
    }

    @POST
    @Path("/spent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public Response spend(@PathParam("id") String id, @Valid @NotNull SpendRequest request) {
        return timeBank.spend(QueryParams.uuid("id", id), request).response();
    }

    @POST
    @Path("/donations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.VOLUNTEER })
    public Response donate(@PathParam("id") String id, @Valid @NotNull DonateRequest request) {
        return timeBank.donate(QueryParams.uuid("id", id), request).response();
    }
}
