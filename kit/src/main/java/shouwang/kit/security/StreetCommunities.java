package shouwang.kit.security;

import java.util.Set;

/**
 * Which communities belong to street offices (街道), for the scope of a {@code street-officer}. The kit knows no org
 * hierarchy: each service answers from what it holds (registry from its org records, the others from the
 * {@code org-records} events they keep). A service without an implementation gives street officers an empty scope.
 */
public interface StreetCommunities {

    /** The codes of the communities of these streets that are known and active; unknown streets add nothing. */
    Set<String> communitiesOf(Set<String> streetCodes);
}
