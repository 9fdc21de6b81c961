package shouwang.volunteer.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.volunteer.hours.HoursDtos.HoursView;

/**
 * The cadre's own time bank (role {@code cadre}): the account of the volunteer linked to the token's cadre, as
 * {@code GET /volunteers/{id}/hours} answers it; no account yet is a balance of 0, not a 404.
 */
@Path("/me/hours")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CADRE)
public class MyHoursResource {

    @Inject
    TimeBank timeBank;

    @Inject
    CallerScope callerScope;

    @GET
    public HoursView hours(@BeanParam PageRequest page) {
        return timeBank.hoursOfCadre(callerScope.cadreId()
                .orElseThrow(() -> new ForbiddenException("The token names no cadre (claim cadre_id)")), page);
    }
}
