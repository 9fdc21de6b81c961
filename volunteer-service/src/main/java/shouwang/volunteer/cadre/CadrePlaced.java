package shouwang.volunteer.cadre;

import java.util.UUID;

/** Fired (synchronously, in the consumer's transaction) when a cadre's community, grid or unit changes. */
public record CadrePlaced(UUID cadreId, String communityCode, String gridCode, String unitCode) {
}
