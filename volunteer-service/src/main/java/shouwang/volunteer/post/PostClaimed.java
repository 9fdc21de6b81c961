package shouwang.volunteer.post;

import java.time.Instant;
import java.util.UUID;

import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.roster.Volunteer;

/**
 * On volunteering when a volunteer takes a place; communityCode, category, capacity and claimedCount are additions to
 * docs/events.md. Key: the post.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record PostClaimed(UUID postId, UUID claimId, UUID volunteerId, String volunteerName, UUID cadreId,
        Instant claimedAt, String communityCode, ServiceCategory category, int capacity, int claimedCount, String districtCode) {

    static PostClaimed of(Post post, Claim claim, Volunteer volunteer, String districtCode) {
        return new PostClaimed(post.id, claim.id, volunteer.id, volunteer.name, volunteer.cadreId, claim.claimedAt,
                post.communityCode, post.category, post.capacity, post.claimedCount, districtCode);
    }
}
