package shouwang.volunteer.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.problem.ConflictException;

/** The claim capacity rule of a post, without an application start. */
class PostCapacityTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    static Post post(int capacity) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.capacity = capacity;
        post.status = Post.Status.OPEN;
        return post;
    }

    @Test
    void claimsTakePlacesUntilThePostIsFull() {
        Post post = post(2);
        post.take(NOW);
        post.take(NOW.plusSeconds(1));
        assertEquals(2, post.claimedCount);
        assertEquals(0, post.remaining());
        assertEquals(NOW.plusSeconds(1), post.updatedAt);
        ConflictException full = assertThrows(ConflictException.class, () -> post.take(NOW));
        assertEquals("Post " + post.id + " is full (2 places)", full.getMessage());
        assertEquals(2, post.claimedCount);
    }

    @Test
    void aWithdrawalFreesItsPlace() {
        Post post = post(1);
        post.take(NOW);
        post.free(NOW.plusSeconds(60));
        assertEquals(0, post.claimedCount);
        assertEquals(1, post.remaining());
        post.take(NOW.plusSeconds(120));
        assertEquals(1, post.claimedCount);
    }

    @Test
    void aClosedPostTakesNoClaimEvenWithRoom() {
        Post post = post(5);
        post.status = Post.Status.CLOSED;
        ConflictException closed = assertThrows(ConflictException.class, post::requireRoom);
        assertEquals("Post " + post.id + " is closed", closed.getMessage());
        assertThrows(ConflictException.class, () -> post.take(NOW));
        assertEquals(0, post.claimedCount);
    }

    @Test
    void remainingPlacesNeverGoBelowZero() {
        Post post = post(3);
        post.claimedCount = 4;
        assertEquals(0, post.remaining());
    }
}
