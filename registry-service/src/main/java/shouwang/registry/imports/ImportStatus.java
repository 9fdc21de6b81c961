package shouwang.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /imports/{id}}: the contract's fields plus the kind (CADRES, ORGS, CONTACTS), format, {@code total} (data rows in the file, null until the
 * job's first pass has counted them), times and, when the file was unreadable, why.
 */
public record ImportStatus(UUID id, String kind, String status, String format, Integer total, int processed, int accepted, int rejected,
        List<RowError> errors, boolean errorsTruncated, Instant createdAt, Instant finishedAt, String failure) {
}
