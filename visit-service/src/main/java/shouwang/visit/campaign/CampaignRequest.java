package shouwang.visit.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import shouwang.visit.Layer;

/**
 * {@code POST /campaigns}. EMERGENCY_DAILY needs {@code startOn}/{@code endOn}; SPRING_FESTIVAL and DOUBLE_NINTH
 * take {@code year} (default: the next one); BIRTHDAY_80 covers birthdays from {@code startOn} to {@code endOn}
 * (default: the rest of this year). {@code communityCodes} empty: the caller's whole scope.
 */
public record CampaignRequest(
        UUID id,
        @NotNull CampaignType type,
        @Size(max = 200) String name,
        @Size(max = 100) List<@NotNull @Size(min = 1, max = 50) String> communityCodes,
        LocalDate startOn,
        LocalDate endOn,
        @Min(1900) @Max(2200) Integer year,
        @Size(max = 4) List<@NotNull Layer> layers,
        @Min(0) @Max(60) Integer leadDays,
        java.time.LocalTime cutOff) {
}
