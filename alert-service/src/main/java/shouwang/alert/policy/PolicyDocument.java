package shouwang.alert.policy;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET/PUT /escalation-policy}: {@code {"kinds":{"HOSPITALISATION":{"deadline":"PT24H","escalateEvery":"PT24H"}}}}.
 * On PUT only {@code kinds} is read (the district is the query's), and kinds left out keep their current rule. Asked
 * for a district, the answer names it and says whether it is the city default the district follows ({@code inherited}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(Integer version, Instant effectiveFrom, String changedBy, String districtCode,
        Boolean inherited, @NotNull Map<String, Rule> kinds) {

    public record Rule(String deadline, String escalateEvery) {
    }
}
