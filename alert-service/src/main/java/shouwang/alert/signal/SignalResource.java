package shouwang.alert.signal;

import java.time.Duration;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.clock.Clock;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.kit.ratelimit.RateLimited;

@Path("/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
public class SignalResource {

    /** How far ahead of this service's clock a reporter's {@code occurredAt} may be (clocks drift). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    SignalService service;

    @Inject
    CallerScope caller;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed({ Roles.DISTRICT_ADMIN, Roles.COMMUNITY_WORKER, Roles.GRID_WORKER, Roles.UNIT_LIAISON, Roles.PARTNER })
    @RateLimited(RateLimited.Bucket.INTAKE)
    @Operation(operationId = "reportSignal", summary = "上报信号 / Report a signal",
            description = "八个必访等信号：为干部产生或并入一条预警，并要求原单位和社区走访。同一 signalId 重报返回同一预警。 / One of the "
                    + "eight must-visit signals: raises (or joins) an alert for the cadre and asks its unit and community to "
                    + "visit; the same signalId again answers the same alert.")
    @APIResponse(responseCode = "202", description = "已受理：产生或并入的预警 / Accepted: the alert raised or joined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalAccepted.class)))
    public Response report(@Valid @NotNull SignalRequest body) {
        SignalInput input = new SignalInput(signalId(body), body.cadreId(), body.kind(),
                body.occurredAt() == null ? clock.now() : body.occurredAt(),
                body.details(), caller.username(), CareSignal.Channel.REST, body.serviceRequestId(),
                body.serviceType() == null ? null : body.serviceType().name());
        SignalOutcome outcome = service.intake(input, caller.caller());
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
        if (request.occurredAt() != null && request.occurredAt().isAfter(clock.now().plus(CLOCK_SKEW))) {
            problems.add("occurredAt", "must not be in the future");
        }
        problems.throwIfAny();
        UUID given = request.signalId() != null ? request.signalId() : request.id();
        return given != null ? given : UUID.randomUUID();
    }
}
