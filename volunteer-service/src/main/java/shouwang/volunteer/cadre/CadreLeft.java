package shouwang.volunteer.cadre;

import java.time.LocalDate;
import java.util.UUID;

/** Fired (synchronously, in the consumer's transaction) when a cadre stops being ACTIVE: died or moved away. */
public record CadreLeft(UUID cadreId, String status, LocalDate on) {
}
