package shouwang.alert.cadre;

import java.util.Map;

import shouwang.kit.testing.PlatformTestProfile;

/**
 * The platform reading cadre profiles from a topic of its own, with the consumer started PAUSED (a pausable channel):
 * until a test resumes it, only the profile lookup can apply a profile. The lookup reads at most 2,000 records.
 * The backlog these tests publish never reaches the other application starts' consumers.
 */
public class ProfileLookupProfile extends PlatformTestProfile {

    public static final String TOPIC = "cadre-profiles-lookup-test";
    public static final int MAX_RECORDS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.cadre-profiles.topic", TOPIC,
                "mp.messaging.incoming.cadre-profiles.pausable", "true",
                "mp.messaging.incoming.cadre-profiles.initially-paused", "true",
                // records fetched while paused wait unacknowledged: not a failure of the channel here
                "mp.messaging.incoming.cadre-profiles.throttled.unprocessed-record-max-age.ms", "0",
                "shouwang.alert.profile-lookup.max-records", Integer.toString(MAX_RECORDS),
                "shouwang.alert.profile-lookup.timeout", "PT20S");
    }
}
