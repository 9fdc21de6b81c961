package shouwang.visit.study;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PartyBranchChanged} on {@code party-branches}: a 离退休综合党支部 created or edited. */
public record PartyBranchChanged(
        @NotBlank @Size(max = 50) String code,
        @Size(max = 200) String name,
        @Size(max = 50) String communityCode,
        @Size(max = 50) String unitCode,
        Boolean active,
        @NotNull Long version,
        Instant updatedAt) {
}
