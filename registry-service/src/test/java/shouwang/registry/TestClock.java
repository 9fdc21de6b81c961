package shouwang.registry;

import java.time.Instant;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import shouwang.kit.testing.MovableClock;

/**
 * The application's time source in tests: the system clock, except while a test runs {@link #at} an instant to see
 * what "today" means then.
 */
@Singleton
public class TestClock {

    public static final MovableClock CLOCK = new MovableClock();

    @Produces
    @Singleton
    java.time.Clock clock() {
        return CLOCK;
    }

    /** Runs {@code test} with the application's clock moved to {@code instant} (and running on from there). */
    public static void at(Instant instant, Runnable test) {
        CLOCK.set(instant);
        try {
            test.run();
        } finally {
            CLOCK.reset();
        }
    }
}
