package shouwang.alert.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as stored and published: millisecond precision, so the API and the events show the same value. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
