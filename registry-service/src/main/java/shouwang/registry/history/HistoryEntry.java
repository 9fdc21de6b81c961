package shouwang.registry.history;

import java.time.Instant;
import java.util.Map;

/** A line of {@code GET /cadres/{id}/history}; {@code changes} is null for a read of the plain ID card number. */
public record HistoryEntry(Instant at, String actor, String action, Long version, String source,
        Map<String, FieldChange> changes) {
}
