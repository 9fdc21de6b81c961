package shouwang.kit.testapp;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The test application's one event: a note was written. */
public record NoteWritten(@NotNull UUID noteId, @NotNull String body) {
}
