package shouwang.alert.cadre;

import java.util.UUID;

/**
 * Fired in the transaction that stored work waiting for a cadre's profile (a signal in {@code PENDING_PROFILE}).
 * After the commit, {@link ProfileLookup} reads the cadre's latest profile straight from cadre-profiles, so the work
 * need not wait until the consumer has worked through a bulk load's backlog.
 */
public record ProfileAwaited(UUID cadreId) {
}
