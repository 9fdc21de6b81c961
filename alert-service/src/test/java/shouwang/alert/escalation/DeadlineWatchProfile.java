package shouwang.alert.escalation;

import java.util.Map;

import shouwang.kit.testing.PlatformTestProfile;

/** The platform with a deadline watch that looks every second and waits one second past a deadline. */
public class DeadlineWatchProfile extends PlatformTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shouwang.alert.ladder.deadline-watch.grace", "PT1S",
                "shouwang.alert.ladder.deadline-watch.every", "1s");
    }
}
