package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import shouwang.visit.Layer;

/**
 * A campaign; {@code tasks} counts the greeting tasks generated so far (0 for emergency mode); {@code cutOff} is the
 * emergency day's cut-off in district time (its district's visit policy's when the campaign names none);
 * {@code districtCode} the district whose visit policy gives its defaults (null: the city default).
 */
public record CampaignDto(UUID id, CampaignType type, String name, List<String> communityCodes, LocalDate startOn,
        LocalDate endOn, List<Layer> layers, long tasks, String createdBy, Instant createdAt,
        java.time.LocalTime cutOff, Instant endedAt, String endedBy, String districtCode) {
}
