package shouwang.alert.alert;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.signal.SignalKind;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.kit.security.Scope;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON })
public class AlertResource {

    @Inject
    AlertService service;

    @Inject
    AlertReads reads;

    @Inject
    CallerScope caller;

    private static final int MAX_TEXT = 1000;

    @Inject
    ObjectMapper objectMapper;

    public record AcknowledgeRequest(String note) {
    }

    public record ResolveRequest(@NotBlank @Size(max = MAX_TEXT) String reason) {
    }

    @GET
    public Page<AlertView> list(@QueryParam("cadreId") String cadreId, @QueryParam("status") String status,
            @QueryParam("level") String level, @QueryParam("communityCode") String communityCode,
            @QueryParam("kind") String kind, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("overdue") String overdue,
            @BeanParam PageRequest page) {
        Integer levelValue = QueryParams.integer("level", level);
        if (levelValue != null && (levelValue < 0 || levelValue > Alert.TOP_LEVEL)) {
            throw InvalidFieldsException.of("level", "must be between 0 and " + Alert.TOP_LEVEL);
        }
        AlertQuery query = new AlertQuery(QueryParams.uuid("cadreId", cadreId),
                QueryParams.enumValue("status", status, AlertStatus.class), levelValue,
                communityCode == null || communityCode.isBlank() ? null : communityCode.trim(),
                QueryParams.enumValue("kind", kind, SignalKind.class),
                QueryParams.instant("updatedSince", updatedSince), booleanParam("overdue", overdue));
        Scope scope = caller.scope();
        boolean communityScopedOnly = scope.gridCodes().isEmpty() && scope.unitCodes().isEmpty();
        if (query.communityCode() != null && communityScopedOnly) {
            caller.requireCommunity(query.communityCode());
        }
        if (query.cadreId() != null) {
            CadreProfile profile = CadreProfile.findById(query.cadreId());
            if (profile != null) {
                profile.placement().requireChangeableBy(caller);
            }
        }
        return reads.list(query, scope, page);
    }

    @GET
    @Path("/{id}")
    public AlertView get(@PathParam("id") String id) {
        UUID alertId = QueryParams.uuid("id", id);
        Alert alert = service.get(alertId);
        alert.placement().requireVisibleTo(caller, "Alert", alertId);
        return reads.detail(alert);
    }

    /** The body ({@code {"note":..}}) is optional: mobile clients acknowledge with a bare POST, any Content-Type. */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    public AlertView acknowledge(@PathParam("id") String id, String body) {
        UUID alertId = QueryParams.uuid("id", id);
        String note = noteOf(body);
        Alert alert = service.acknowledge(alertId, caller.username(), note, this::requireChangeable);
        return reads.detail(alert);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertView resolve(@PathParam("id") String id, @Valid @NotNull ResolveRequest request) {
        Alert alert = service.resolveByHand(QueryParams.uuid("id", id), caller.username(), request.reason(),
                this::requireChangeable);
        return reads.detail(alert);
    }

    private static Boolean booleanParam(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidFieldsException.of(name, "must be true or false");
        };
    }

    private String noteOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        AcknowledgeRequest request;
        try {
            request = objectMapper.readValue(body, AcknowledgeRequest.class);
        } catch (JsonProcessingException e) {
            throw InvalidFieldsException.of("body", "is not valid JSON");
        }
        if (request.note() != null && request.note().length() > MAX_TEXT) {
            throw InvalidFieldsException.of("note", "size must be between 0 and " + MAX_TEXT);
        }
        return request.note();
    }

    private void requireChangeable(Alert alert) {
        alert.placement().requireChangeableBy(caller);
    }
}
