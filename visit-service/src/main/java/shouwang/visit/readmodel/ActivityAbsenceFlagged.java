package shouwang.visit.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code ActivityAbsenceFlagged} on {@code volunteering}: an enrolled cadre missed three sessions of an activity in a
 * row. Fired as a CDI event inside the inbox transaction, so the task capability makes the grid's visit task in the
 * same commit.
 */
public record ActivityAbsenceFlagged(
        @NotNull UUID flagId,
        @NotNull UUID cadreId,
        @NotNull UUID activityId,
        @Size(max = 200) String activityTitle,
        String activityKind,
        LocalDate lastSessionOn,
        @Size(max = 50) String communityCode,
        @Size(max = 50) String gridCode,
        Instant flaggedAt) {
}
