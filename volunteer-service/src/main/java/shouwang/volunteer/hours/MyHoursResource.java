package shouwang.volunteer.hours;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Time bank")
public class MyHoursResource {

    @Inject
    TimeBank timeBank;

    @Inject
    CallerScope callerScope;

    @GET
    @Operation(operationId = "getMyHours", summary = "我的时间银行 / My time bank",
            description = "干部本人关联志愿者的时长账户；尚无账户时余额为 0，而非 404。 / The time bank of the volunteer linked to the token's cadre; "
                    + "no account yet is a balance of 0, not a 404.")
    public HoursView hours(@BeanParam PageRequest page) {
        return timeBank.hoursOfCadre(callerScope.cadreId()
                .orElseThrow(() -> new ForbiddenException("The token names no cadre (claim cadre_id)")), page);
    }
}
