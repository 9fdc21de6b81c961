package shouwang.alert.escalation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The ladder's settings. Who is called at each level comes from registry's org records, never from here; the bureau's
 * code and name only stand in until registry has published the BUREAU record.
 */
@ConfigMapping(prefix = "shouwang.alert.ladder")
public interface LadderConfig {

    /** Code of the district bureau (区委老干部局) record to prefer, and the code used before any BUREAU record. */
    @WithDefault("QWLGJ")
    String districtBureauCode();

    /** Its name before any BUREAU record arrived. */
    @WithDefault("区委老干部局")
    String districtBureauName();

    /** The safety net that escalates overdue alerts when no VisitMissed came (see {@link DeadlineWatch}). */
    DeadlineWatchConfig deadlineWatch();

    interface DeadlineWatchConfig {

        /** Off only for a replica that must not escalate (e.g. a read-only copy). */
        @WithDefault("true")
        boolean enabled();

        /** How long past the deadline visit-service gets to report the miss before the watch escalates. */
        @WithDefault("PT5M")
        Duration grace();

        /** How often the watch looks (a Quarkus scheduler interval: 30s, 1m, PT30S …). */
        @WithDefault("30s")
        String every();

        /** At most this many alerts escalated per look; the rest wait for the next one. */
        @WithDefault("200")
        int batch();
    }
}
