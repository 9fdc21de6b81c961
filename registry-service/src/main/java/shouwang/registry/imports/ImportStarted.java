package shouwang.registry.imports;

import java.util.UUID;

/** The 202 of an upload: the import's id to poll ({@code GET /imports/{id}}) and its status, RUNNING. */
public record ImportStarted(UUID id, String status) {
}
