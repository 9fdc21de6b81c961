package shouwang.registry.party;

import java.time.Instant;

/** party-branches / PartyBranchChanged: the full current branch, on every create or edit (key = code). */
public record PartyBranchChanged(String code, String name, String communityCode, String unitCode, boolean active,
        long version, Instant updatedAt) {
}
