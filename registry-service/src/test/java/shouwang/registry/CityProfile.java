package shouwang.registry;

/**
 * An application start of its own for a city deployment (issue 16): once a district record exists, a district-admin
 * token naming no district sees nothing, so the districts created here must never meet the other suites' rows.
 */
public class CityProfile extends RegistryTestProfile {
}
