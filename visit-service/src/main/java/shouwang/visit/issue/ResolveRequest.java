package shouwang.visit.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /issues/{id}/resolve}: what was done. */
public record ResolveRequest(@NotBlank @Size(max = 2000) String resolution) {
}
