package shouwang.volunteer.post;

import shouwang.volunteer.post.PostDtos.ClaimView;
import shouwang.volunteer.post.PostDtos.PostClaimed;
import shouwang.volunteer.post.PostDtos.PostPublished;
import shouwang.volunteer.post.PostDtos.PostView;
import shouwang.volunteer.volunteer.Volunteer;

/** The one place where post and claim entities become REST views and events. */
final class PostMapper {

    private PostMapper() {
    }

    static PostView view(Post post) {
        return new PostView(post.id, post.title, post.category, post.category.label(), post.communityCode,
                post.gridCode, post.capacity, post.claimedCount, Math.max(0, post.capacity - post.claimedCount),
                post.schedule, post.description, post.startsOn, post.endsOn, post.status, post.owner, post.createdAt,
                post.updatedAt);
    }

    static ClaimView view(Claim claim, Volunteer volunteer) {
        return new ClaimView(claim.id, claim.postId, claim.volunteerId, volunteer == null ? null : volunteer.name,
                volunteer == null ? null : volunteer.cadreId, claim.status, claim.claimedAt, claim.withdrawnAt,
                claim.withdrawReason);
    }

    static PostPublished published(Post post) {
        return new PostPublished(post.id, post.title, post.category, post.communityCode, post.gridCode, post.capacity,
                post.schedule, post.startsOn, post.endsOn);
    }

    static PostClaimed claimed(Post post, Claim claim, Volunteer volunteer) {
        return new PostClaimed(post.id, claim.id, volunteer.id, volunteer.name, volunteer.cadreId, claim.claimedAt,
                post.communityCode, post.category, post.capacity, post.claimedCount);
    }
}
