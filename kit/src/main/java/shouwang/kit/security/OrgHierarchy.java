package shouwang.kit.security;

import java.util.Set;

/**
 * Which communities lie under street offices (街道) and districts (区), for the scope of a {@code street-officer} and
 * of a {@code district-admin} of a city deployment. The kit knows no org hierarchy: each service answers from what it
 * holds (registry from its org records, the others from the {@code org-records} events they keep). A service without
 * an implementation gives street officers and district-scoped admins an empty scope.
 */
public interface OrgHierarchy {

    /** The codes of the communities of these streets that are known and active; unknown streets add nothing. */
    Set<String> communitiesOfStreets(Set<String> streetCodes);

    /** The codes of the active communities of the active streets of these districts; unknown districts add nothing. */
    Set<String> communitiesOfDistricts(Set<String> districtCodes);

    /**
     * Whether any district is known. Once one is, the deployment serves a city and a {@code district-admin} token
     * must name its districts ({@code district_codes}); one that names none sees nothing rather than every district.
     */
    boolean hasDistricts();
}
