package shouwang.alert;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Every REST path of the contract lives under /api/v1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Shouwang alert-service", version = "1.0"),
        security = @SecurityRequirement(name = "SecurityScheme"),
        tags = {
                @Tag(name = "Alerts", description = "预警：分级、期限、处置 / Alerts: levels, deadlines, handling"),
                @Tag(name = "Escalation policy", description = "预警升级规则（市默认值与各区县）/ Escalation policy (the city default and each district's)"),
                @Tag(name = "Me", description = "干部本人：一键呼叫与本人预警 / The signed-in cadre: one-tap help and its alerts"),
                @Tag(name = "Signals", description = "八个必访信号上报 / Reporting the eight must-visit signals") })
public class AlertApplication extends Application {
}
