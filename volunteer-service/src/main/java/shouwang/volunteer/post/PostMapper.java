package shouwang.volunteer.post;

import shouwang.volunteer.post.PostDtos.ClaimView;
import shouwang.volunteer.post.PostDtos.PostView;
import shouwang.volunteer.roster.Volunteer;

/** The one place where post and claim entities become REST views (events: {@link PostPublished}, {@link PostClaimed}). */
final class PostMapper {

    private PostMapper() {
    }

    static PostView view(Post post) {
        return new PostView(post.id, post.title, post.category, post.category.label(), post.communityCode,
                post.gridCode, post.capacity, post.claimedCount, post.remaining(), post.schedule, post.description,
                post.startsOn, post.endsOn, post.status, post.owner, post.createdAt, post.updatedAt);
    }

    static ClaimView view(Claim claim, Volunteer volunteer) {
        return new ClaimView(claim.id, claim.postId, claim.volunteerId, volunteer == null ? null : volunteer.name,
                volunteer == null ? null : volunteer.cadreId, claim.status, claim.claimedAt, claim.withdrawnAt,
                claim.withdrawReason);
    }
}
