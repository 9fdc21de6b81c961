package shouwang.registry.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/** The history of a cadre (changes and unmasked ID number reads), for the district bureau only. */
@Path("/cadres/{id}/history")
@RolesAllowed(Roles.DISTRICT_ADMIN)
public class HistoryResource {

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope caller;

    @GET
    public Page<HistoryEntry> history(@PathParam("id") String id, @QueryParam("action") String action,
            @BeanParam PageRequest page) {
        return audit.history(QueryParams.uuid("id", id), QueryParams.text(action), page, caller);
    }
}
