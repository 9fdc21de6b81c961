package shouwang.visit.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/** Who is responsible for contacting a cadre, per layer, including the NEIGHBOUR volunteer of an active pairing. */
@Path("/contacts")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
public class ContactResource {

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    public List<Contact> contacts(@QueryParam("cadreId") String rawCadreId) {
        UUID cadreId = QueryParams.uuid("cadreId", rawCadreId);
        if (cadreId == null) {
            throw InvalidFieldsException.of("cadreId", "is required");
        }
        Cadre cadre = readModel.find(cadreId).orElseThrow(() -> new NotFoundException("Cadre", cadreId));
        caller.requireVisible("Cadre", cadreId, cadre.placement());
        return readModel.contactsOf(cadreId);
    }
}
