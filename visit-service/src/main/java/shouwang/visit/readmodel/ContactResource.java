package shouwang.visit.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

/** Who is responsible for contacting a cadre, per layer, including the NEIGHBOUR volunteer of an active pairing. */
@Path("/contacts")
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON,
        Roles.STREET_OFFICER })
@Tag(name = "Contacts")
public class ContactResource {

    @Inject
    ReadModelService readModel;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "listCadreContacts", summary = "干部联系人 / A cadre's contacts",
            description = "各层级负责联系某干部的人，包括在册结对的邻里志愿者。 / Who is responsible for contacting a cadre, per layer, including "
                    + "the NEIGHBOUR volunteer of an active pairing.")
    public List<Contact> contacts(
            @Parameter(description = "干部编号 (UUID) / Cadre id (UUID)", schema = @Schema(format = "uuid"))
            @QueryParam("cadreId") String rawCadreId) {
        UUID cadreId = QueryParams.uuid("cadreId", rawCadreId);
        if (cadreId == null) {
            throw InvalidFieldsException.of("cadreId", "is required");
        }
        Cadre cadre = readModel.find(cadreId).orElseThrow(() -> new NotFoundException("Cadre", cadreId));
        caller.requireVisible("Cadre", cadreId, cadre.placement());
        return readModel.contactsOf(cadreId);
    }
}
