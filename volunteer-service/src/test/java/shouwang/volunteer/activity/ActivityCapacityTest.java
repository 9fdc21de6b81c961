package shouwang.volunteer.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.problem.ConflictException;

/** The enrolment capacity rule of an activity, without an application start. */
class ActivityCapacityTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    static Activity activity(int capacity) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.capacity = capacity;
        activity.lastEndsAt = NOW.plusSeconds(86_400);
        return activity;
    }

    @Test
    void enrolmentsTakePlacesUntilTheActivityIsFullAndAWithdrawalFreesOne() {
        Activity activity = activity(2);
        activity.take(NOW);
        activity.take(NOW.plusSeconds(1));
        assertEquals(0, activity.remaining());
        ConflictException full = assertThrows(ConflictException.class, () -> activity.take(NOW));
        assertEquals("Activity " + activity.id + " is full (2 places)", full.getMessage());
        activity.free(NOW.plusSeconds(2));
        assertEquals(1, activity.remaining());
        activity.take(NOW.plusSeconds(3));
        assertEquals(2, activity.enrolledCount);
    }

    @Test
    void anActivityWhoseLastSessionEndedTakesNoEnrolmentEvenWithRoom() {
        Activity activity = activity(5);
        ConflictException ended = assertThrows(ConflictException.class,
                () -> activity.requireRoom(activity.lastEndsAt));
        assertEquals("Activity " + activity.id + " has ended", ended.getMessage());
        assertEquals(0, activity.enrolledCount);
    }
}
