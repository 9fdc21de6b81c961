package shouwang.visit.campaign;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /campaigns/{id}/scope}: the communities the campaign covers from now on (empty: the whole district). */
public record ScopeRequest(@NotNull @Size(max = 100) List<@NotNull @Size(min = 1, max = 50) String> communityCodes) {
}
