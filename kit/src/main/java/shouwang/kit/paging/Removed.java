package shouwang.kit.paging;

import java.time.Instant;

/**
 * A tombstone in a worklist: a record the caller could see at {@code updatedSince} and no longer can.
 *
 * @param id     the record's id
 * @param reason why it left: {@link Tombstones#MOVED} (its cadre moved out of the caller's scope) or another reason the
 *               service documents
 * @param at     when it left
 */
public record Removed(String id, String reason, Instant at) {
}
