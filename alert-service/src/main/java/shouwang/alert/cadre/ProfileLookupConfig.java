package shouwang.alert.cadre;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keyed lookup of a cadre's latest profile on cadre-profiles ({@link ProfileLookup}): how far back it reads the
 * cadre's partition and for how long, before leaving the profile to the consumer.
 */
@ConfigMapping(prefix = "shouwang.alert.profile-lookup")
public interface ProfileLookupConfig {

    /** Off: a signal for a cadre whose profile has not arrived waits for the consumer alone. */
    @WithDefault("true")
    boolean enabled();

    /** At most this many records of the partition are read, newest first, from the consumer group's position on. */
    @WithDefault("200000")
    long maxRecords();

    /** At most this long per lookup (Kafka calls included). */
    @WithDefault("PT5S")
    Duration timeout();
}
