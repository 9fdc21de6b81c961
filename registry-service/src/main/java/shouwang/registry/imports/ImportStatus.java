package shouwang.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /imports/{id}}: the contract's fields plus format, times and, when the file was unreadable, why. */
public record ImportStatus(UUID id, String status, String format, int processed, int accepted, int rejected,
        List<RowError> errors, boolean errorsTruncated, Instant createdAt, Instant finishedAt, String failure) {
}
