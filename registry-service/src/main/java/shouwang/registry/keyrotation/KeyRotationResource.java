package shouwang.registry.keyrotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.security.CallerScope;
import shouwang.kit.security.Roles;
import shouwang.registry.keyrotation.KeyRotationDtos.RotationStatus;

/**
 * {@code POST /admin/id-number-key/rotation}: re-encrypt every stored ID number not yet under the current key
 * version, in the background (202 with the status; 200 when nothing is left). {@code GET}: where it stands.
 * District-admin only (docs/operations.md, Rotating the ID-number key).
 */
@Path("/admin/id-number-key/rotation")
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Key rotation")
public class KeyRotationResource {

    @Inject
    KeyRotationService service;

    @Inject
    CallerScope caller;

    @GET
    @Operation(operationId = "getKeyRotation", summary = "密钥轮换状态 / Key rotation status",
            description = "身份证号加密密钥轮换的进度。 / The progress of the ID number key rotation.")
    public RotationStatus status() {
        requireWholeDeployment();
        return service.status();
    }

    @POST
    @Operation(operationId = "startKeyRotation", summary = "开始密钥轮换 / Start the key rotation",
            description = "把身份证号重新加密到当前密钥版本 (整个部署的管理员)；已在运行时返回当前状态。 / Re-encrypts the ID numbers under the current key "
                    + "version (the whole deployment's admin); when one runs already, answers its status.")
    @APIResponse(responseCode = "202", description = "已开始或正在运行 / Started, or running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RotationStatus.class)))
    @APIResponse(responseCode = "200", description = "无需轮换 / Nothing to rotate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RotationStatus.class)))
    public Response start() {
        requireWholeDeployment();
        boolean started = service.start(caller.username());
        RotationStatus status = service.status();
        return Response.status(started || status.running() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(status).build();
    }

    /** One key protects every district's numbers: the city's (or a one-district admin's) operation, 403 otherwise. */
    private void requireWholeDeployment() {
        if (!caller.scope().districtWide()) {
            throw new ForbiddenException("The ID-number key is the whole deployment's: the city rotates it");
        }
    }
}
