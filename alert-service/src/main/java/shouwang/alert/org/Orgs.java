package shouwang.alert.org;

import java.util.Optional;

/** Looks orgs up by kind and code; the ladder reads through it, so its rules test without a database. */
public interface Orgs {

    Optional<Org> find(OrgKind kind, String code);

    /** The district bureau's record: the one of {@code preferredCode} if known, else any active BUREAU record. */
    Optional<Org> bureau(String preferredCode);

    /**
     * The street of a community: the COMMUNITY record's {@code parentCode}, else {@code streetCode} (what the cadre's
     * profile says), else empty.
     */
    default Optional<String> streetOf(String communityCode, String streetCode) {
        Optional<String> recorded = find(OrgKind.COMMUNITY, communityCode).map(Org::parentCode).filter(Orgs::given);
        return recorded.isPresent() ? recorded : Optional.ofNullable(streetCode).filter(Orgs::given);
    }

    /**
     * The district of a community (community → street → the STREET record's {@code parentCode}); empty when the street
     * or its record is unknown, and in a one-district deployment, whose streets name no district.
     */
    default Optional<String> districtOf(String communityCode, String streetCode) {
        return streetOf(communityCode, streetCode)
                .flatMap(street -> find(OrgKind.STREET, street))
                .map(Org::parentCode)
                .filter(Orgs::given);
    }

    private static boolean given(String code) {
        return !code.isBlank();
    }
}
