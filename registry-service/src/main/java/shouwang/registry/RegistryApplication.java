package shouwang.registry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Every REST path of the contract lives under /api/v1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Shouwang registry-service", version = "1.0"),
        security = @SecurityRequirement(name = "SecurityScheme"))
public class RegistryApplication extends Application {
}
