package shouwang.alert.escalation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who must act at the upper levels of the ladder. Leaders (level 1) and street offices (level 2) are looked up by
 * org code in {@link #directory()}; when a code is not listed the event names the org without a person.
 */
@ConfigMapping(prefix = "shouwang.alert.ladder")
public interface LadderConfig {

    /** Org code of the district bureau for retired cadres (区委老干部局), level 3. */
    @WithDefault("QWLGJ")
    String districtBureauCode();

    @WithDefault("区委老干部局")
    String districtBureauName();

    Optional<String> districtBureauPhone();

    /** Community code → street office code (街道), for level 2. */
    Map<String, String> streetOf();

    /** Org code → the person to call: the leader of a unit or community, or a street office. */
    Map<String, Person> directory();

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

    interface Person {
        String name();

        Optional<String> phone();
    }
}
