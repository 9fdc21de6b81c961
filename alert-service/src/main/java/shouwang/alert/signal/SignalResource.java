package shouwang.alert.signal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.common.Clock;
import shouwang.alert.common.UnprocessableException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;

@Path("/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

    @Inject
    SignalService service;

    @Inject
    CallerScope caller;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.PARTNER })
    public Response report(@Valid @NotNull SignalRequest request) {
        SignalInput input = new SignalInput(signalId(request), request.cadreId(), request.kind(),
                request.occurredAt() == null ? Clock.now() : request.occurredAt(),
                request.details(), caller.username(), CareSignal.Channel.REST);
        SignalOutcome outcome = service.intake(input, this::authorize);
        return Response.accepted(SignalAccepted.of(outcome)).build();
    }

    private UUID signalId(SignalRequest request) {
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        if (request.signalId() != null && request.id() != null && !request.signalId().equals(request.id())) {
            problems.add("id", "must equal signalId when both are given");
        }
        if (!request.kind().reportable()) {
            problems.add("kind", request.kind() + " is raised by the platform itself and cannot be reported");
        }
        if (request.occurredAt() != null && request.occurredAt().isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
            problems.add("occurredAt", "must not be in the future");
        }
        problems.throwIfAny();
        UUID given = request.signalId() != null ? request.signalId() : request.id();
        return given != null ? given : UUID.randomUUID();
    }

    /**
     * District admins and partner systems report for any cadre, even one whose profile has not arrived yet (the
     * signal then waits for it). Scoped workers report only for known cadres inside their scope.
     */
    private void authorize(CadreProfile profile) {
        if (caller.isDistrictAdmin() || caller.hasRole(Roles.PARTNER)) {
            return;
        }
        if (profile == null) {
            throw new UnprocessableException("The cadre is not known to alert-service yet (its profile from "
                    + "registry-service has not arrived); retry in a few seconds");
        }
        profile.placement().requireChangeableBy(caller);
    }
}
