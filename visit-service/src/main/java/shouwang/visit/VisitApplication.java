package shouwang.visit;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every REST path of the contract lives under /api/v1; the tags group its operations (one per resource). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Shouwang visit-service", version = "1.0"),
        security = @SecurityRequirement(name = "SecurityScheme"),
        tags = {
                @Tag(name = "Campaigns", description = "专项行动：应急联络、节日问候 / Campaigns: emergency check-ins, greeting rounds"),
                @Tag(name = "Contacts", description = "干部的联系责任人 / A cadre's responsible contacts"),
                @Tag(name = "Coverage", description = "不漏一人：未按时走访 / Coverage: who is overdue a visit"),
                @Tag(name = "Issues", description = "问题清单 / Needs raised in visits"),
                @Tag(name = "Statistics", description = "走访统计 / Visit statistics"),
                @Tag(name = "Study sessions", description = "送学上门 / Study delivered at home"),
                @Tag(name = "Tasks", description = "必访任务 / Must-visit tasks"),
                @Tag(name = "Visit policy", description = "走访规则：各区县的走访周期与专项行动默认值 / Visit policy: each "
                        + "district's cadences and campaign defaults"),
                @Tag(name = "Visits", description = "走访记录 / Visit logbook") })
public class VisitApplication extends Application {
}
