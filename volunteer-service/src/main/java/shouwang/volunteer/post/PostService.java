package shouwang.volunteer.post;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Created;
import shouwang.volunteer.Filter;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.post.PostDtos.ClaimRequest;
import shouwang.volunteer.post.PostDtos.ClaimView;
import shouwang.volunteer.post.PostDtos.PostRequest;
import shouwang.volunteer.post.PostDtos.PostView;
import shouwang.volunteer.volunteer.Volunteer;
import shouwang.volunteer.volunteer.VolunteerRef;
import shouwang.volunteer.volunteer.VolunteerService;

/** Publishing posts and claiming them; a post's row lock serialises its claims so capacity always holds. */
@ApplicationScoped
@Transactional
public class PostService {

    private static final Logger LOG = Logger.getLogger(PostService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    VolunteerService volunteers;

    @Inject
    Outbox outbox;

    public Created<PostView> publish(PostRequest request) {
        if (request.id() != null) {
            Post existing = Post.findById(request.id());
            if (existing != null) {
                requireManages(existing);
                return Created.found(PostMapper.view(existing));
            }
        }
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw InvalidFieldsException.of("endsOn", "must not be before startsOn");
        }
        callerScope.requireCommunity(request.communityCode());
        Post post = new Post();
        post.id = request.id() == null ? UUID.randomUUID() : request.id();
        post.title = request.title().trim();
        post.category = request.category();
        post.communityCode = request.communityCode();
        post.gridCode = blankToNull(request.gridCode());
        post.capacity = request.capacity();
        post.claimedCount = 0;
        post.schedule = request.schedule();
        post.description = request.description();
        post.startsOn = request.startsOn();
        post.endsOn = request.endsOn();
        post.status = Post.Status.OPEN;
        post.owner = callerScope.username();
        post.createdAt = Instant.now();
        post.updatedAt = post.createdAt;
        post.persist();
        outbox.publish(Volunteering.TOPIC, post.id.toString(), Volunteering.POST_PUBLISHED, PostMapper.published(post));
        LOG.infof("Post %s published in %s (%s, capacity %d)", post.id, post.communityCode, post.category,
                post.capacity);
        return Created.made(PostMapper.view(post));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostView get(UUID id) {
        return PostMapper.view(find(id));
    }

    /** Posts are public recruitment notices: every signed-in user may list them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostView> list(String communityCode, String gridCode, ServiceCategory category, Post.Status status,
            Instant updatedSince, PageRequest page) {
        Filter filter = new Filter().eq("communityCode", communityCode).eq("gridCode", gridCode)
                .eq("category", category).eq("status", status).after("updatedAt", updatedSince);
        return Filter.page(Post.<Post>find(filter.where(), Sort.by("updatedAt").and("id"), filter.params()), page,
                rows -> rows.stream().map(PostMapper::view).toList());
    }

    public PostView close(UUID id) {
        Post post = lock(id);
        requireManages(post);
        if (post.status != Post.Status.CLOSED) {
            post.status = Post.Status.CLOSED;
            post.updatedAt = Instant.now();
            LOG.infof("Post %s closed", post.id);
        }
        return PostMapper.view(post);
    }

    /**
     * Claims a place. A full or closed post is refused at once, without a lock and without registering anyone.
     * Otherwise the volunteer is found or registered, then the post row is locked (SELECT ... FOR UPDATE) and
     * re-read, so concurrent claims of one post run their checks one after another on the count the previous one
     * committed: exactly {@code capacity} succeed. The lock is held only for the checks and two inserts.
     */
    public Created<ClaimView> claim(UUID postId, ClaimRequest request) {
        if (request.id() != null) {
            Created<ClaimView> repeated = repeatedClaim(postId, request.id());
            if (repeated != null) {
                return repeated;
            }
        }
        Post post = find(postId);
        requireMayClaim(post);
        requireRoom(post);
        Volunteer volunteer = volunteers.resolve("",
                new VolunteerRef(request.volunteerId(), request.cadreId(), request.volunteerName(), request.phone()),
                post.communityCode);
        Post.getEntityManager().refresh(post, LockModeType.PESSIMISTIC_WRITE);
        if (request.id() != null) {
            // a retry that raced its original: now serialised behind it
            Created<ClaimView> repeated = repeatedClaim(postId, request.id());
            if (repeated != null) {
                return repeated;
            }
        }
        if (Claim.count("postId = ?1 and volunteerId = ?2 and status = ?3", post.id, volunteer.id,
                Claim.Status.ACTIVE) > 0) {
            throw new ConflictException("Volunteer " + volunteer.id + " already holds a place on post " + post.id);
        }
        requireRoom(post);
        post.claimedCount++;
        post.updatedAt = Instant.now();
        Claim claim = new Claim();
        claim.id = request.id() == null ? UUID.randomUUID() : request.id();
        claim.postId = post.id;
        claim.volunteerId = volunteer.id;
        claim.status = Claim.Status.ACTIVE;
        claim.claimedBy = callerScope.username();
        claim.claimedAt = post.updatedAt;
        claim.updatedAt = post.updatedAt;
        claim.persist();
        outbox.publish(Volunteering.TOPIC, post.id.toString(), Volunteering.POST_CLAIMED,
                PostMapper.claimed(post, claim, volunteer));
        LOG.infof("Claim %s: volunteer %s took place %d/%d on post %s", claim.id, volunteer.id, post.claimedCount,
                post.capacity, post.id);
        return Created.made(PostMapper.view(claim, volunteer));
    }

    private static void requireRoom(Post post) {
        if (post.status != Post.Status.OPEN) {
            throw new ConflictException("Post " + post.id + " is closed");
        }
        if (post.claimedCount >= post.capacity) {
            throw new ConflictException("Post " + post.id + " is full (" + post.capacity + " places)");
        }
    }

    public ClaimView withdraw(UUID postId, UUID claimId, String reason) {
        Post post = lock(postId);
        Claim claim = Claim.findById(claimId);
        if (claim == null || !claim.postId.equals(post.id)) {
            throw new NotFoundException("Claim", claimId);
        }
        Volunteer volunteer = Volunteer.findById(claim.volunteerId);
        if (!volunteers.isOwn(volunteer) && !volunteers.staffCovers(post.communityCode, post.gridCode, null)) {
            throw new ForbiddenException("Only the volunteer or the post's community may withdraw this claim");
        }
        if (claim.status == Claim.Status.ACTIVE) {
            claim.status = Claim.Status.WITHDRAWN;
            claim.withdrawnAt = Instant.now();
            claim.withdrawReason = reason;
            claim.updatedAt = claim.withdrawnAt;
            post.claimedCount--;
            post.updatedAt = claim.withdrawnAt;
            LOG.infof("Claim %s withdrawn from post %s (%d/%d taken)", claim.id, post.id, post.claimedCount,
                    post.capacity);
        }
        return PostMapper.view(claim, volunteer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> claims(UUID postId, Claim.Status status, PageRequest page) {
        Post post = find(postId);
        requireManages(post);
        Filter filter = new Filter().eq("postId", post.id).eq("status", status);
        return Filter.page(Claim.<Claim>find(filter.where(), Sort.by("claimedAt").and("id"), filter.params()), page,
                rows -> {
                    Map<UUID, Volunteer> byId = VolunteerService.byId(rows.stream().map(c -> c.volunteerId).toList());
                    return rows.stream().map(c -> PostMapper.view(c, byId.get(c.volunteerId))).toList();
                });
    }

    /** The claims of one volunteer (their own, or staff who can see the volunteer). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> claimsOf(UUID volunteerId, PageRequest page) {
        Volunteer volunteer = volunteers.visible(volunteerId);
        return Filter.page(Claim.<Claim>find("volunteerId", Sort.by("claimedAt").descending().and("id"), volunteer.id),
                page, rows -> rows.stream().map(c -> PostMapper.view(c, volunteer)).toList());
    }

    /** The post, for other capabilities (service records verify against its owner community). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Post find(UUID id) {
        Post post = id == null ? null : Post.findById(id);
        if (post == null) {
            throw new NotFoundException("Post", id);
        }
        return post;
    }

    private Created<ClaimView> repeatedClaim(UUID postId, UUID claimId) {
        Claim existing = Claim.findById(claimId);
        if (existing == null) {
            return null;
        }
        if (!existing.postId.equals(postId)) {
            throw new ConflictException("Claim id " + claimId + " is already used for another post");
        }
        return Created.found(PostMapper.view(existing, Volunteer.findById(existing.volunteerId)));
    }

    private Post lock(UUID id) {
        Post post = Post.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new NotFoundException("Post", id);
        }
        return post;
    }

    /** Publishing, closing and verifying belong to the post's community (and district admins). */
    void requireManages(Post post) {
        callerScope.requireCommunity(post.communityCode);
    }

    private void requireMayClaim(Post post) {
        if (volunteers.isSelfService()) {
            return;
        }
        if (!callerScope.scope().covers(post.communityCode, post.gridCode, null)) {
            throw new ForbiddenException("Post " + post.id + " is outside your scope");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
