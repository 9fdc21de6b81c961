package shouwang.volunteer;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import shouwang.kit.testing.MovableClock;

/** The application's time source in tests: the system clock, unless a test moves it (and resets it after). */
@Singleton
public class TestClock {

    public static final MovableClock CLOCK = new MovableClock();

    @Produces
    @Singleton
    java.time.Clock clock() {
        return CLOCK;
    }
}
