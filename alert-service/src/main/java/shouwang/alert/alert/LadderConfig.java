package shouwang.alert.alert;

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

    interface Person {
        String name();

        Optional<String> phone();
    }
}
