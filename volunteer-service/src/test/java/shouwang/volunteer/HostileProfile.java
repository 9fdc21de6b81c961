package shouwang.volunteer;

import shouwang.kit.testing.PlatformTestProfile;

/** An application start of its own for the hostile suites: what they write never meets the tests that count rows. */
public class HostileProfile extends PlatformTestProfile {
}
