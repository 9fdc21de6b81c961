package shouwang.volunteer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every REST path of the contract lives under /api/v1; the tags group its operations (one per resource). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Shouwang volunteer-service", version = "1.0"),
        security = @SecurityRequirement(name = "SecurityScheme"),
        tags = {
                @Tag(name = "Activities", description = "社区活动、老年大学、文体队伍 / Community activities and classes"),
                @Tag(name = "Cadre flags", description = "干部标记 (失独) / Cadre flags"),
                @Tag(name = "My activities", description = "干部本人的活动 / The signed-in cadre's activities"),
                @Tag(name = "My service requests", description = "干部本人的点单 / The signed-in cadre's service requests"),
                @Tag(name = "Pairings", description = "结对 (邻里守望) / Volunteer–cadre pairings"),
                @Tag(name = "Posts", description = "志愿岗位与认领 / Volunteer posts and claims"),
                @Tag(name = "Providers", description = "服务机构 / Service providers"),
                @Tag(name = "Service records", description = "服务时长记录 / Service records"),
                @Tag(name = "Service requests", description = "点单、派单、接单 / Service requests"),
                @Tag(name = "Statistics", description = "志愿服务统计 / Service statistics"),
                @Tag(name = "Teams", description = "志愿队 / Volunteer teams"),
                @Tag(name = "Time bank", description = "时间银行 / Time bank"),
                @Tag(name = "Volunteers", description = "志愿者 / Volunteers") })
public class VolunteerApplication extends Application {
}
