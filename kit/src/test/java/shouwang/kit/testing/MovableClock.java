package shouwang.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves instead of sleeping: it runs with the system clock, shifted by whatever the test added.
 * A service test provides it as its {@code java.time.Clock} bean (a {@code @Produces @Singleton} method in the test
 * sources replaces the kit's default), then calls {@link #advance} to reach a deadline or the next day.
 */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves to a given instant (the clock keeps running from there). */
    public void set(Instant instant) {
        offset = Duration.between(Clock.systemUTC().instant(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the district zone is applied by shouwang.kit.clock.Clock");
    }
}
