package shouwang.visit.policy;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET/PUT /visit-policy} (走访规则): {@code {"cadences":{"OTHERS":{"UNIT":"P6M","COMMUNITY":"P1M","GRID":null}},
 * "campaigns":{"greetingLeadDays":7,"greetingGraceDays":7,"emergencyCutOff":"18:00"}}}. A GET names every risk profile
 * and layer, null where no cadence is required. On PUT only {@code cadences} and {@code campaigns} are read (the
 * district is the query's): the risks, layers and campaign fields given replace theirs, the others carry over, and a
 * layer given as null needs no cadence from then on. Asked for a district, the answer names it and says whether it is
 * the city default the district follows ({@code inherited}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "VisitPolicy", description = "走访规则 / A visit policy version")
public record PolicyDocument(
        @Schema(description = "版本号，0 为随服务发布的配置 / Version; 0 is the configuration the service ships",
                readOnly = true) Integer version,
        @Schema(description = "生效时间 / In force since", readOnly = true) Instant effectiveFrom,
        @Schema(description = "修改人 (版本 0 为 config) / Changed by (\"config\" for version 0)", readOnly = true)
        String changedBy,
        @Schema(description = "所问的区县 / The district asked for", readOnly = true) String districtCode,
        @Schema(description = "该区县沿用市默认值 / The district follows the city default", readOnly = true)
        Boolean inherited,
        @Schema(description = "走访周期：风险等级 (KEY_TARGET、AGED_80、OTHERS) → 层级 (UNIT、COMMUNITY、GRID) → ISO-8601 周期 "
                + "(P1D 至 P366D，如 P7D、P1M)；null 为不要求 / Cadences: risk profile → layer → ISO-8601 period (P1D to "
                + "P366D, e.g. P7D, P1M); null: not required",
                example = "{\"OTHERS\":{\"GRID\":\"P30D\"}}")
        Map<String, Map<String, String>> cadences,
        @Schema(description = "专项行动默认值 / Campaign defaults") Campaigns campaigns) {

    /** The campaign defaults; on PUT a field left out (or null) keeps its value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VisitPolicyCampaigns", description = "专项行动默认值 / Campaign defaults")
    public record Campaigns(
            @Schema(description = "节日问候任务提前几天开放 (0-60) / Days before a greeting day its tasks open (0-60)",
                    minimum = "0", maximum = "60") Integer greetingLeadDays,
            @Schema(description = "节日过后几天内的问候仍算完成 (0-60) / Days after a greeting day a greeting still counts "
                    + "(0-60)", minimum = "0", maximum = "60") Integer greetingGraceDays,
            @Schema(description = "战时每日截止时间 HH:mm (本地时间) / Emergency day's cut-off HH:mm (district time)",
                    pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "18:00") String emergencyCutOff) {
    }
}
