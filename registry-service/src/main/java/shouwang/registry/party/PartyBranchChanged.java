package shouwang.registry.party;

import shouwang.kit.events.EventSchema;

import java.time.Instant;

/** party-branches / PartyBranchChanged: the full current branch, on every create or edit (key = code). */
@EventSchema("party-branch.json")
public record PartyBranchChanged(String code, String name, String communityCode, String unitCode, boolean active,
        long version, Instant updatedAt) {
}
