package shouwang.volunteer.post;

import java.time.LocalDate;
import java.util.UUID;

import shouwang.volunteer.ServiceCategory;

/** On volunteering when a post is published; startsOn and endsOn are additions to docs/events.md. Key: the post.
 * {@code districtCode}: the district of the community (community → street → district, from org-records), null
 * when unknown.
 */
public record PostPublished(UUID postId, String title, ServiceCategory category, String communityCode,
        String gridCode, int capacity, String schedule, LocalDate startsOn, LocalDate endsOn, String districtCode) {

    static PostPublished of(Post post, String districtCode) {
        return new PostPublished(post.id, post.title, post.category, post.communityCode, post.gridCode, post.capacity,
                post.schedule, post.startsOn, post.endsOn, districtCode);
    }
}
