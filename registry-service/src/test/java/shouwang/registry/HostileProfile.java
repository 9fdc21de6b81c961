package shouwang.registry;

/**
 * An application start of its own for the hostile suites (bad input, access matrix, ID number exposure): what they
 * write never meets the tests that count rows. It keeps the registry's random ID-number key.
 */
public class HostileProfile extends RegistryTestProfile {
}
