package shouwang.kit.clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The system clock, unless a test supplies its own {@link java.time.Clock} bean to move time instead of sleeping. */
@Singleton
public class ClockSource {

    @Produces
    @Singleton
    @DefaultBean
    java.time.Clock system() {
        return java.time.Clock.systemUTC();
    }
}
