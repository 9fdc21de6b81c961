package shouwang.volunteer.post;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.ListQuery;
import shouwang.kit.paging.Page;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.NotFoundException;
import shouwang.kit.problem.QueryParams;
import shouwang.kit.rest.Saved;
import shouwang.kit.security.CallerScope;
import shouwang.volunteer.Rows;
import shouwang.volunteer.ServiceCategory;
import shouwang.volunteer.StaffScope;
import shouwang.volunteer.Volunteering;
import shouwang.volunteer.cadre.CadreDirectory;
import shouwang.volunteer.post.PostDtos.ClaimRequest;
import shouwang.volunteer.post.PostDtos.ClaimView;
import shouwang.volunteer.post.PostDtos.PostRequest;
import shouwang.volunteer.post.PostDtos.PostView;
import shouwang.volunteer.roster.Volunteer;
import shouwang.volunteer.roster.VolunteerRef;
import shouwang.volunteer.roster.VolunteerService;

/** Publishing posts and claiming them; a post's row lock serialises its claims so capacity always holds. */
@ApplicationScoped
@Transactional
public class PostService {

    private static final Logger LOG = Logger.getLogger(PostService.class);

    @Inject
    CallerScope callerScope;

    @Inject
    shouwang.volunteer.org.OrgService orgs;

    @Inject
    VolunteerService volunteers;

    @Inject
    CadreDirectory cadres;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Saved<PostView> publish(PostRequest request) {
        Post existing = Rows.repeated(Post.class, request.id());
        if (existing != null) {
            requireManages(existing);
            return Saved.existing(PostMapper.view(existing));
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
        post.gridCode = QueryParams.text(request.gridCode());
        post.capacity = request.capacity();
        post.claimedCount = 0;
        post.schedule = request.schedule();
        post.description = request.description();
        post.startsOn = request.startsOn();
        post.endsOn = request.endsOn();
        post.status = Post.Status.OPEN;
        post.owner = callerScope.username();
        post.createdAt = clock.now();
        post.updatedAt = post.createdAt;
        post.persist();
        outbox.publish(Volunteering.TOPIC, post.id.toString(), PostPublished.of(post, orgs.districtOf(post.communityCode)));
        LOG.infof("Post %s published in %s (%s, capacity %d)", post.id, post.communityCode, post.category,
                post.capacity);
        return Saved.created(PostMapper.view(post));
    }

    /** One post, for a caller whose scope covers its community or grid (else 404, like any record outside it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostView get(UUID id) {
        Post post = find(id);
        if (!covers(post)) {
            throw new NotFoundException("Post", id);
        }
        return PostMapper.view(post);
    }

    /**
     * Posts recruit inside the caller's scope: its communities' and grids' posts (volunteers by the scope of their
     * token). A filter on a community or grid outside the scope is a 403 (the kit's rule).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostView> list(String communityCode, String gridCode, ServiceCategory category, Post.Status status,
            Instant updatedSince, PageRequest page) {
        callerScope.requireFilter(communityCode, gridCode, null, cadres::communityOfGrid);
        return ListQuery.of(Post.class, "p")
                .inScope(StaffScope.placesOf(callerScope.scope()), "p")
                .eq("p.communityCode", communityCode)
                .eq("p.gridCode", gridCode)
                .eq("p.category", category)
                .eq("p.status", status)
                .after("p.updatedAt", updatedSince)
                .orderBy("p.updatedAt asc, p.id asc")
                .pageEach(page, PostMapper::view);
    }

    public PostView close(UUID id) {
        Post post = Rows.lock(Post.class, "Post", id);
        requireManages(post);
        if (post.status != Post.Status.CLOSED) {
            post.status = Post.Status.CLOSED;
            post.updatedAt = clock.now();
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
    public Saved<ClaimView> claim(UUID postId, ClaimRequest request) {
        Saved<ClaimView> repeated = repeatedClaim(postId, request.id());
        if (repeated != null) {
            return repeated;
        }
        Post post = find(postId);
        requireMayClaim(post);
        post.requireRoom();
        Volunteer volunteer = volunteers.resolve("",
                new VolunteerRef(request.volunteerId(), request.cadreId(), request.volunteerName(), request.phone()),
                post.communityCode);
        Post.getEntityManager().refresh(post, LockModeType.PESSIMISTIC_WRITE);
        // a retry that raced its original: now serialised behind it
        repeated = repeatedClaim(postId, request.id());
        if (repeated != null) {
            return repeated;
        }
        if (Claim.count("postId = ?1 and volunteerId = ?2 and status = ?3", post.id, volunteer.id,
                Claim.Status.ACTIVE) > 0) {
            throw new ConflictException("Volunteer " + volunteer.id + " already holds a place on post " + post.id);
        }
        post.take(clock.now());
        Claim claim = new Claim();
        claim.id = request.id() == null ? UUID.randomUUID() : request.id();
        claim.postId = post.id;
        claim.volunteerId = volunteer.id;
        claim.status = Claim.Status.ACTIVE;
        claim.claimedBy = callerScope.username();
        claim.claimedAt = post.updatedAt;
        claim.updatedAt = post.updatedAt;
        claim.persist();
        outbox.publish(Volunteering.TOPIC, post.id.toString(), PostClaimed.of(post, claim, volunteer,
                orgs.districtOf(post.communityCode)));
        LOG.infof("Claim %s: volunteer %s took place %d/%d on post %s", claim.id, volunteer.id, post.claimedCount,
                post.capacity, post.id);
        return Saved.created(PostMapper.view(claim, volunteer));
    }

    public ClaimView withdraw(UUID postId, UUID claimId, String reason) {
        Post post = Rows.lock(Post.class, "Post", postId);
        Claim claim = claimId == null ? null : Claim.findById(claimId);
        if (claim == null || !claim.postId.equals(post.id)) {
            throw new NotFoundException("Claim", claimId);
        }
        Volunteer volunteer = Volunteer.findById(claim.volunteerId);
        if (!volunteers.isOwn(volunteer) && !volunteers.staffCovers(post.communityCode, post.gridCode, null)) {
            throw new ForbiddenException("Only the volunteer or the post's community may withdraw this claim");
        }
        if (claim.status == Claim.Status.ACTIVE) {
            claim.status = Claim.Status.WITHDRAWN;
            claim.withdrawnAt = clock.now();
            claim.withdrawReason = reason;
            claim.updatedAt = claim.withdrawnAt;
            post.free(claim.withdrawnAt);
            LOG.infof("Claim %s withdrawn from post %s (%d/%d taken)", claim.id, post.id, post.claimedCount,
                    post.capacity);
        }
        return PostMapper.view(claim, volunteer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> claims(UUID postId, Claim.Status status, PageRequest page) {
        Post post = find(postId);
        requireManages(post);
        return ListQuery.of(Claim.class, "c")
                .eq("c.postId", post.id)
                .eq("c.status", status)
                .orderBy("c.claimedAt asc, c.id asc")
                .page(page, rows -> VolunteerService.withVolunteers(rows, c -> c.volunteerId, PostMapper::view));
    }

    /** The claims of one volunteer (their own, or staff who can see the volunteer), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> claimsOf(UUID volunteerId, PageRequest page) {
        Volunteer volunteer = volunteers.visible(volunteerId);
        return ListQuery.of(Claim.class, "c")
                .eq("c.volunteerId", volunteer.id)
                .orderBy("c.claimedAt desc, c.id asc")
                .pageEach(page, claim -> PostMapper.view(claim, volunteer));
    }

    /** The post, for other capabilities (service records verify against its owner community). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Post find(UUID id) {
        return Rows.require(Post.class, "Post", id);
    }

    private Saved<ClaimView> repeatedClaim(UUID postId, UUID claimId) {
        Claim existing = Rows.repeated(Claim.class, claimId);
        if (existing == null) {
            return null;
        }
        if (!existing.postId.equals(postId)) {
            throw new ConflictException("Claim id " + claimId + " is already used for another post");
        }
        return Saved.existing(PostMapper.view(existing, Volunteer.findById(existing.volunteerId)));
    }

    /** Publishing, closing and verifying belong to the post's community (and district admins). */
    void requireManages(Post post) {
        callerScope.requireCommunity(post.communityCode);
    }

    /** Staff claim for others, and a volunteer for itself, only on posts of their scope (a volunteer's token's). */
    private void requireMayClaim(Post post) {
        if (!covers(post)) {
            throw new ForbiddenException("Post " + post.id + " is outside your scope");
        }
    }

    private boolean covers(Post post) {
        return callerScope.scope().covers(post.communityCode, post.gridCode, null);
    }
}
