package shouwang.registry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every REST path of the contract lives under /api/v1; the tags group its operations (one per resource). */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Shouwang registry-service", version = "1.0"),
        security = @SecurityRequirement(name = "SecurityScheme"),
        tags = {
                @Tag(name = "Cadre history", description = "干部变更及身份证号查看记录 / A cadre's changes and ID number reads"),
                @Tag(name = "Cadres", description = "离退休干部档案 / Retired cadres' records"),
                @Tag(name = "Imports", description = "表格导入 / Spreadsheet imports"),
                @Tag(name = "Key rotation", description = "身份证号密钥轮换 / ID number key rotation"),
                @Tag(name = "Me", description = "干部本人 / The signed-in cadre"),
                @Tag(name = "Org", description = "组织架构：区县、街道、社区、网格、单位 / Org hierarchy: districts, streets, communities, grids, units"),
                @Tag(name = "Party branches", description = "党支部与组织生活 / Party branches and study sessions"),
                @Tag(name = "Reports", description = "高龄津贴名单 / High-age subsidy roster"),
                @Tag(name = "Statistics", description = "干部统计 / Cadre statistics") })
public class RegistryApplication extends Application {
}
