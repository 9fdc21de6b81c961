package shouwang.alert.me;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import shouwang.alert.escalation.AlertQuery;
import shouwang.alert.escalation.AlertReads;
import shouwang.alert.escalation.AlertView;
import shouwang.alert.signal.CareSignal;
import shouwang.alert.signal.SignalAccepted;
import shouwang.alert.signal.SignalInput;
import shouwang.alert.signal.SignalKind;
import shouwang.alert.signal.SignalService;
import shouwang.kit.clock.Clock;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.ratelimit.RateLimited;
import shouwang.kit.security.Caller;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.kit.security.Scope;

/**
 * The cadre's own paths (role {@code cadre}, claim {@code cadre_id}): one-tap help and the alerts about itself. A
 * cadre token reaches nothing else of this service (its scope is empty).
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CADRE)
@Tag(name = "Me")
public class MeResource {

    /** Who reports a cadre's own help request, in the signal and its event. */
    static final String REPORTED_BY = "cadre";

    @Inject
    SignalService signals;

    @Inject
    AlertReads reads;

    @Inject
    CallerScope caller;

    @Inject
    Clock clock;

    @POST
    @Path("/help")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimited.Bucket.INTAKE)
    @Operation(operationId = "requestHelp", summary = "一键呼叫 / One-tap help",
            description = "干部本人求助：为自己产生一条求助预警（HELP_REQUEST），社区与原单位须走访。 / The cadre asks for help: a "
                    + "HELP_REQUEST alert for itself, which its community and unit must visit.")
    @APIResponse(responseCode = "202", description = "The alert the help request raised or joined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalAccepted.class)))
    public Response help(HelpRequest body) {
        UUID cadreId = ownCadre();
        HelpRequest request = body != null ? body : new HelpRequest(null, null, null);
        SignalInput input = new SignalInput(request.id() != null ? request.id() : UUID.randomUUID(), cadreId,
                SignalKind.HELP_REQUEST, clock.now(), request.details(), REPORTED_BY, CareSignal.Channel.REST, null,
                request.serviceType() == null ? null : request.serviceType().name());
        // The token names the cadre, so no scope applies: the cadre asks for itself, even before its profile arrived.
        return Response.accepted(SignalAccepted.of(signals.intake(input, Caller.platform("me/" + cadreId))))
                .build();
    }

    @GET
    @Path("/alerts")
    @Operation(operationId = "listMyAlerts", summary = "本人的预警 / My alerts",
            description = "干部本人的预警，最新的在前（求助已受理、谁来走访、何时前）。 / The caller's own alerts, newest first "
                    + "(help accepted, who must visit, by when).")
    public Page<AlertView> alerts(@BeanParam PageRequest page) {
        UUID cadreId = ownCadre();
        return reads.list(new AlertQuery(cadreId, null, null, null, null, null, null), Scope.everything(), page);
    }

    private UUID ownCadre() {
        return caller.cadreId().orElseThrow(() -> new ForbiddenException("The token names no cadre (claim cadre_id)"));
    }
}
