package shouwang.volunteer.cadre;

import java.util.UUID;

import shouwang.kit.security.Placement;

/** Fired (synchronously, in the consumer's transaction) when a cadre's community, grid or unit changes. */
public record CadrePlaced(UUID cadreId, Placement placement) {
}
